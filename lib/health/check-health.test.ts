import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { checkHealth } from "./check-health";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("checkHealth", () => {
  it("reports a reachable database", async () => {
    const report = await checkHealth(async () => database);
    expect(report.ok).toBe(true);
    expect(report.database).toMatchObject({ ok: true, engine: database.engine });
  });

  it("reports a server that refuses connections, without its URL", async () => {
    // Nothing listens on port 1: the connection is refused at once.
    const unreachable = await openDatabase({ url: "postgres://desk:secret@127.0.0.1:1/desk", poolSize: 1 });
    const report = await checkHealth(async () => unreachable);
    await unreachable.close();
    expect(report.ok).toBe(false);
    expect(report.database.error).toBeTruthy();
    expect(JSON.stringify(report)).not.toContain("secret");
  });

  it("reports a database that cannot be opened", async () => {
    const report = await checkHealth(() => Promise.reject(new Error("data folder is locked")));
    expect(report).toEqual({ ok: false, database: { ok: false, error: "data folder is locked" } });
  });
});
