import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { upsertProcess } from "../processes/upsert-process";
import { resultStore } from "./result-store";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("resultStore", () => {
  it("keeps a zip byte for byte, replaces it on a second put, and answers null for none", async () => {
    const processId = randomUUID();
    await upsertProcess(database.db, { dossierId: randomUUID(), process: { ...loadExample("accepted"), processId } });
    const store = resultStore(database.db);
    expect(await store.get(processId)).toBeNull();

    const first = new Uint8Array(randomBytes(300_000));
    const stored = await store.put(processId, first);
    expect(stored).toMatchObject({ processId, sizeBytes: 300_000 });
    expect(Buffer.from((await store.get(processId))!).equals(Buffer.from(first))).toBe(true);

    const second = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);
    await store.put(processId, second);
    expect(Array.from((await store.get(processId))!)).toEqual([0x50, 0x4b, 0x05, 0x06]);
    expect((await store.describe(processId))?.sizeBytes).toBe(4);
  });
});
