import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { seedSampleProcess } from "./testing/seed-sample";
import { announceForgottenResults, forgetPayloads, onResultsForgotten } from "./forget-results";
import { createByteLruCache } from "./result-cache";
import { createResultLoader } from "./load-result";
import { startInstanceListener } from "../server/instance-listener";
import { createDeskEventHub } from "../events/event-hub";
import { runRetention } from "../retention/run-retention";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

describe("forgetting purged results", () => {
  it("splits the ids into payloads NOTIFY accepts", () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const payloads = forgetPayloads(ids);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((p) => p.length <= 7_500)).toBe(true);
    expect(payloads.join(",").split(",")).toEqual(ids);
  });

  it("drops a cached result from the loader by process id", async () => {
    const seeded = await seedSampleProcess(database.db);
    const cache = createByteLruCache<never>({ maxBytes: 64 * 1024 * 1024, maxEntries: 8 });
    const loader = createResultLoader({ cache: cache as never });
    expect((await loader(database.db, seeded.processId)).state).toBe("ready");
    expect(cache.stats().entries).toBe(1);
    loader.forget([seeded.processId]);
    expect(cache.stats().entries).toBe(0);
  });

  it("a retention purge makes this instance's caches forget at once", async () => {
    const seeded = await seedSampleProcess(database.db);
    const cache = createByteLruCache<never>({ maxBytes: 64 * 1024 * 1024, maxEntries: 8 });
    const loader = createResultLoader({ cache: cache as never });
    const unsubscribe = onResultsForgotten(loader.forget);
    try {
      expect((await loader(database.db, seeded.processId)).state).toBe("ready");
      expect(cache.stats().entries).toBe(1);
      const summary = await runRetention(database, { days: 0, apply: true });
      expect(summary.zips).toBeGreaterThanOrEqual(1);
      expect(cache.stats().entries).toBe(0);
      expect((await loader(database.db, seeded.processId)).state).toBe("none");
    } finally {
      unsubscribe();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)("tells every instance over PostgreSQL NOTIFY, at commit", async () => {
    const heard: string[][] = [];
    const unsubscribe = onResultsForgotten((ids) => heard.push([...ids]));
    const stop = await startInstanceListener(database, { hub: createDeskEventHub() });
    try {
      await database.db.transaction(async (tx) => {
        await announceForgottenResults(tx, ["p-1", "p-2"]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        // Not before the commit: a view racing the purge must not re-cache from a zip still visible.
        expect(heard).toEqual([]);
      });
      await expect.poll(() => heard, { timeout: 5_000 }).toEqual([["p-1", "p-2"]]);
    } finally {
      unsubscribe();
      await stop();
    }
  });
});
