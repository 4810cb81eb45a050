import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, truncateSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processResults } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, setUpTestResultStore, type TestDatabase } from "../../tests/support/test-database";
import { upsertProcess } from "../processes/upsert-process";
import { moveResults, type MoveProgress } from "./move-results";
import { resultFilePath } from "./result-files";
import type { ResultStorage } from "./result-store-settings";
import { resultStore } from "./result-store";

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = setUpTestResultStore();
});
afterAll(async () => {
  await database.dispose();
});

/** Processes with zips in one store; two share a zip, as content-addressing allows. */
async function seed(kind: ResultStorage, count: number) {
  const store = resultStore(database.db, { kind, dir });
  const zips = new Map<string, Buffer>();
  const shared = randomBytes(20_000);
  for (let i = 0; i < count; i++) {
    const processId = randomUUID();
    await upsertProcess(database.db, { dossierId: randomUUID(), process: { ...loadExample("accepted"), processId } });
    const zip = i < 2 ? shared : randomBytes(10_000 + i);
    await store.put(processId, zip);
    zips.set(processId, zip);
  }
  return zips;
}

async function rowsOf(ids: string[]) {
  return database.db
    .select({ processId: processResults.processId, storage: processResults.storage, storedAt: processResults.storedAt, content: processResults.content })
    .from(processResults)
    .where(inArray(processResults.processId, ids));
}

/** Moves everything left over by earlier tests out of the way, so each test counts its own rows. */
async function settle(to: ResultStorage) {
  await moveResults(database.db, { to, dir });
}

describe.each([
  ["postgres", "filesystem"],
  ["filesystem", "postgres"],
] as const)("moving zips from %s to %s", (from, to) => {
  it("moves every zip in batches, checks it, keeps when it was stored, and can stop and resume", async () => {
    await settle(to);
    const zips = await seed(from, 5);
    const ids = [...zips.keys()];
    const before = new Map((await rowsOf(ids)).map((r) => [r.processId, r.storedAt.getTime()]));

    const seen: MoveProgress[] = [];
    // Stopped after its first batch, as by Ctrl-C or a crash between batches.
    await expect(
      moveResults(database.db, {
        to,
        dir,
        batchSize: 2,
        onProgress: (p) => {
          seen.push(p);
          throw new Error("stopped");
        },
      }),
    ).rejects.toThrow("stopped");
    expect(seen).toEqual([expect.objectContaining({ total: 5, moved: 2 })]);
    expect((await rowsOf(ids)).filter((r) => r.storage === to)).toHaveLength(2);

    const lines: MoveProgress[] = [];
    const done = await moveResults(database.db, { to, dir, batchSize: 2, onProgress: (p) => lines.push(p) });
    expect(done).toMatchObject({ total: 3, moved: 3, changed: 0, damaged: [] });
    expect(lines.map((p) => p.moved)).toEqual([2, 3]);

    const rows = await rowsOf(ids);
    for (const row of rows) {
      expect(row.storage).toBe(to);
      expect(row.storedAt.getTime()).toBe(before.get(row.processId));
      expect(row.content === null).toBe(to === "filesystem");
    }
    const store = resultStore(database.db, { kind: to, dir });
    for (const [id, zip] of zips) expect(Buffer.from((await store.get(id))!).equals(zip)).toBe(true);
    const files = await Promise.all(ids.map(async (id) => resultFilePath(dir, (await store.describe(id))!.sha256)));
    // To the filesystem: one file per distinct zip; back to PostgreSQL: no file left behind.
    expect(files.filter((f) => existsSync(f))).toHaveLength(to === "filesystem" ? 5 : 0);
    expect(new Set(files).size).toBe(4);
  });
});

describe("a damaged zip during a move", () => {
  it("is left where it was and named, and the others move", async () => {
    await settle("postgres");
    const zips = await seed("filesystem", 3);
    // The first two share a file: damage the third, which only one process holds.
    const thirdId = [...zips.keys()][2]!;
    const [third] = await database.db.select({ sha256: processResults.sha256 }).from(processResults).where(eq(processResults.processId, thirdId));
    truncateSync(resultFilePath(dir, third!.sha256), 10);

    const done = await moveResults(database.db, { to: "postgres", dir });
    expect(done.moved).toBe(2);
    expect(done.damaged).toEqual([{ processId: thirdId, message: expect.stringMatching(/damaged/) }]);
    const storages = new Map((await rowsOf([...zips.keys()])).map((r) => [r.processId, r.storage]));
    expect(storages.get(thirdId)).toBe("filesystem");
    expect([...storages.values()].filter((s) => s === "postgres")).toHaveLength(2);
  });
});
