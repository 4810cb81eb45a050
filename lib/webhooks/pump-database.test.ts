import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../../tests/support/test-database";
import { openPumpDatabase } from "./pump-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

const setting = async (query: (text: string) => Promise<{ synchronous_commit: string }[]>) => (await query("show synchronous_commit"))[0]?.synchronous_commit;

describe("the pump's own connections", () => {
  it.runIf(testServerUrl)("commit asynchronously on PostgreSQL, while the desk's pool waits for the disk", async () => {
    const pump = await openPumpDatabase(database, 2);
    try {
      expect(pump).not.toBe(database);
      expect(await setting((text) => pump.query(text))).toBe("off");
      expect(await setting((text) => database.query(text))).toBe("on");
    } finally {
      await pump.close();
    }
  });

  it.skipIf(testServerUrl)("are the embedded database's one connection on PGlite", async () => {
    expect(await openPumpDatabase(database, 2)).toBe(database);
  });
});
