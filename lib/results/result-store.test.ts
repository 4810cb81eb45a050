import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, truncateSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processes, processResults } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { openDatabase } from "../../db/client";
import { createTestDatabase, setUpTestResultStore, testServerUrl, type TestDatabase } from "../../tests/support/test-database";
import { upsertProcess } from "../processes/upsert-process";
import { createResultLoader } from "./load-result";
import { resultFilePath, sha256Of } from "./result-files";
import { RESULT_STORAGES, type ResultStoreSettings } from "./result-store-settings";
import { resultStore, writeResult } from "./result-store";
import { DESK_EVENT_CHANNEL } from "../events/publish-event";
import { buildSampleZip } from "./testing/sample-result";
import { inconclusiveZipEntries, seedSampleProcess } from "./testing/seed-sample";

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = setUpTestResultStore();
});
afterAll(async () => {
  await database.dispose();
});

async function newProcess(processId = randomUUID()): Promise<string> {
  await upsertProcess(database.db, { dossierId: randomUUID(), process: { ...loadExample("accepted"), processId } });
  return processId;
}

/** A put that must store (the process is no tombstone). */
async function put(settings: ResultStoreSettings, processId: string, zip: Uint8Array) {
  const stored = await resultStore(database.db, settings).put(processId, zip);
  if (!stored) throw new Error(`put refused the zip of ${processId}`);
  return stored;
}

const temporaryFiles = () => readdirSync(dir, { recursive: true }).filter((name) => String(name).includes(".tmp-"));

describe.each(RESULT_STORAGES)("the %s result store", (kind) => {
  const settings = (): ResultStoreSettings => ({ kind, dir });

  it("publishes a stored zip's desk event, and none when a move rewrites the same zip", async () => {
    const processId = await newProcess();
    const heard: { k: string; p?: string }[] = [];
    const unlisten = await database.listen(DESK_EVENT_CHANNEL, (payload) => {
      const event = JSON.parse(payload) as { k: string; p?: string };
      if (event.p === processId) heard.push(event);
    });
    try {
      const stored = await put(settings(), processId, new Uint8Array(randomBytes(1_000)));
      const zip = await resultStore(database.db, settings()).get(processId);
      await writeResult(database.db, settings(), processId, zip!, { ifSha256: stored.sha256, keepStoredAt: true });
      // NOTIFY arrives after commit, on the listener's own connection: wait for the first, then a little.
      for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.map((e) => e.k)).toEqual(["result"]);
    } finally {
      await unlisten();
    }
  });

  it("keeps a zip byte for byte, replaces it on a second put, and answers null for none", async () => {
    const processId = await newProcess();
    const store = resultStore(database.db, settings());
    expect(await store.get(processId)).toBeNull();

    const first = new Uint8Array(randomBytes(300_000));
    const stored = await put(settings(), processId, first);
    expect(stored).toMatchObject({ processId, sizeBytes: 300_000, storage: kind });
    expect(Buffer.from((await store.get(processId))!).equals(Buffer.from(first))).toBe(true);

    const second = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);
    await store.put(processId, second);
    expect(Array.from((await store.get(processId))!)).toEqual([0x50, 0x4b, 0x05, 0x06]);
    expect((await store.describe(processId))?.sizeBytes).toBe(4);
    // The replaced zip's file, if it had one, is gone with it.
    expect(existsSync(resultFilePath(dir, stored.sha256))).toBe(false);
  });

  it("is safe for concurrent writers of one zip, for one process and for several", async () => {
    const zip = new Uint8Array(randomBytes(1_500_000));
    const ids = await Promise.all([newProcess(), newProcess(), newProcess()]);
    const store = resultStore(database.db, settings());
    await Promise.all([...ids, ids[0]!, ids[1]!].map((id) => store.put(id, zip)));
    for (const id of ids) expect(Buffer.from((await store.get(id))!).equals(Buffer.from(zip))).toBe(true);
    expect(temporaryFiles()).toEqual([]);
  });

  it("deletes a zip, and its file unless another process holds the same zip", async () => {
    const zip = new Uint8Array(randomBytes(50_000));
    const [a, b] = [await newProcess(), await newProcess()];
    const store = resultStore(database.db, settings());
    const { sha256 } = await put(settings(), a, zip);
    await store.put(b, zip);
    expect(await store.delete(a)).toBe(true);
    expect(await store.get(a)).toBeNull();
    expect(Buffer.from((await store.get(b))!).equals(Buffer.from(zip))).toBe(true);
    expect(existsSync(resultFilePath(dir, sha256))).toBe(kind === "filesystem");
    expect(await store.delete(b)).toBe(true);
    expect(existsSync(resultFilePath(dir, sha256))).toBe(false);
    expect(await store.delete(b)).toBe(false);
  });

  it("writes nothing for a purged process: no row and no file", async () => {
    const processId = await newProcess();
    await database.db.update(processes).set({ purgedAt: new Date(), purgeReason: "retention" }).where(eq(processes.processId, processId));
    const zip = new Uint8Array(randomBytes(20_000));
    expect(await resultStore(database.db, settings()).put(processId, zip)).toBeNull();
    expect(await database.db.select().from(processResults).where(eq(processResults.processId, processId))).toEqual([]);
    const sha256 = sha256Of(zip);
    expect(existsSync(resultFilePath(dir, sha256))).toBe(false);
  });
});

describe("the filesystem result store", () => {
  const settings = (): ResultStoreSettings => ({ kind: "filesystem", dir });

  it("keeps the zip as a file named by its hash, not in the database", async () => {
    const processId = await newProcess();
    const zip = new Uint8Array(randomBytes(10_000));
    const { sha256 } = await put(settings(), processId, zip);
    const [row] = await database.db.select().from(processResults).where(eq(processResults.processId, processId));
    expect(row).toMatchObject({ storage: "filesystem", storageKey: sha256, content: null });
    expect(existsSync(resultFilePath(dir, sha256))).toBe(true);
  });

  it("shows a torn file as damaged, never its bytes, and reads the repaired zip at once", async () => {
    const { processId, process } = await seedSampleProcess(database.db, { zip: null });
    const store = resultStore(database.db, settings());
    const original = await buildSampleZip(inconclusiveZipEntries(process));
    const stored = await put(settings(), processId, original);
    truncateSync(resultFilePath(dir, stored.sha256), 100);
    await expect(store.get(processId)).rejects.toMatchObject({ reason: "damaged" });

    const loader = createResultLoader();
    expect(await loader(database.db, processId)).toMatchObject({ state: "refused", error: { reason: "damaged" } });
    // The same zip stored again (a re-download) rewrites the file; the refusal, under the same hash, was not cached.
    expect((await put(settings(), processId, original)).sha256).toBe(stored.sha256);
    expect((await loader(database.db, processId)).state).toBe("ready");
  });
});

describe("the postgres result store", () => {
  const settings = (): ResultStoreSettings => ({ kind: "postgres", dir });

  it("keeps a zip for a process id with quotes and backslashes in it", async () => {
    const processId = await newProcess(`${randomUUID()}'); drop table process_results; --'' \\'`);
    const zip = new Uint8Array(randomBytes(70_000));
    await put(settings(), processId, zip);
    expect(Buffer.from((await resultStore(database.db, settings()).get(processId))!).equals(Buffer.from(zip))).toBe(true);
  });

  it("writes several zips in one caller's transaction, each to its own row, staged or not", async () => {
    const [a, b, c] = [await newProcess(), await newProcess(), await newProcess()];
    // Two of a size that PostgreSQL's store stages through COPY, and one it sends as a parameter.
    const [zipA, zipB, zipC] = [new Uint8Array(randomBytes(1_200_000)), new Uint8Array(randomBytes(1_100_000)), new Uint8Array(randomBytes(30_000))];
    await database.db.transaction(async (tx) => {
      await resultStore(tx, settings()).put(a, zipA);
      await resultStore(tx, settings()).put(b, zipB);
      await resultStore(tx, settings()).put(c, zipC);
    });
    const store = resultStore(database.db, settings());
    expect(sha256Of((await store.get(a))!)).toBe(sha256Of(zipA));
    expect(sha256Of((await store.get(b))!)).toBe(sha256Of(zipB));
    expect(sha256Of((await store.get(c))!)).toBe(sha256Of(zipC));
  });

  it("refuses content that is not as long as its recorded size, or missing, rather than return it", async () => {
    const processId = await newProcess();
    const store = resultStore(database.db, settings());
    await put(settings(), processId, new Uint8Array(randomBytes(3_000_000)));
    await database.db.update(processResults).set({ sizeBytes: 3_000_001 }).where(eq(processResults.processId, processId));
    await expect(store.get(processId)).rejects.toThrow(/recorded size/);
    await database.db.update(processResults).set({ content: null, sizeBytes: 3_000_000 }).where(eq(processResults.processId, processId));
    await expect(store.get(processId)).rejects.toThrow(/NULL|changed size/);
    // The connections that carried those reads still serve the next queries.
    expect(await Promise.all([1, 2, 3, 4, 5].map(() => store.describe(processId)))).toHaveLength(5);
  });

  it.skipIf(!testServerUrl)("reads a 20 MB zip back byte for byte, and its connection serves the next queries", async () => {
    const processId = await newProcess();
    const zip = new Uint8Array(randomBytes(20 * 1024 * 1024));
    const store = resultStore(database.db, settings());
    await put(settings(), processId, zip);
    // Each read ends with the COPY's last bytes arriving with its end: what left postgres.js's socket paused.
    for (let i = 0; i < 3; i++) {
      expect(sha256Of((await store.get(processId))!)).toBe(sha256Of(zip));
      await Promise.all([1, 2, 3, 4, 5, 6].map(() => database.db.transaction(async (tx) => tx.select().from(processes).limit(1))));
    }
  });

  it.skipIf(!testServerUrl)("reads with standard_conforming_strings on even where the database's default is off", async () => {
    const name = (await database.query<{ name: string }>("select current_database() as name"))[0]!.name;
    await database.query(`alter database "${name}" set standard_conforming_strings = off`);
    const other = await openDatabase({ url: database.url!, poolSize: 1 });
    try {
      expect(await other.query("show standard_conforming_strings")).toEqual([{ standard_conforming_strings: "on" }]);
      const processId = await newProcess(`${randomUUID()}\\'`);
      const zip = new Uint8Array(randomBytes(10_000));
      await put(settings(), processId, zip);
      expect(Buffer.from((await resultStore(other.db, settings()).get(processId))!).equals(Buffer.from(zip))).toBe(true);
    } finally {
      await other.close();
      await database.query(`alter database "${name}" reset standard_conforming_strings`);
    }
  });
});
