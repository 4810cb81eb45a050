import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { InvalidInput } from "../errors";
import { listProcesses } from "./list-processes";
import { upsertProcess } from "./upsert-process";

let database: TestDatabase;
const ids: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const dossierId = randomUUID();
  // 7 processes, three sharing one updatedAt so that the id tie-break is exercised.
  const times = ["01", "02", "03", "03", "03", "04", "05"];
  for (const minute of times) {
    const processId = randomUUID();
    ids.push(processId);
    await upsertProcess(database.db, {
      dossierId,
      process: { processId, status: "accepted", updatedAt: `2024-05-01T10:${minute}:00Z` },
    });
  }
});
afterAll(async () => {
  await database.dispose();
});

describe("listProcesses", () => {
  it("pages through every process once, newest first, with a stable tie-break", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listProcesses(database.db, { limit: 2, cursor });
      seen.push(...page.items.map((item) => item.processId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(ids.length);
    expect(new Set(seen).size).toBe(ids.length);
    const all = await listProcesses(database.db, { limit: 50 });
    expect(all.items.map((i) => i.processId)).toEqual(seen);
    expect(all.nextCursor).toBeNull();
    const times = all.items.map((i) => i.updatedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("refuses a cursor it did not make", async () => {
    await expect(listProcesses(database.db, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(InvalidInput);
  });
});
