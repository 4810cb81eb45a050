import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { processes, webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { assureFor, bulkFinal, countingClient, notificationBody, setFaults, startSim, startWebhookServer, postAll } from "../../tests/reliability/support/desk-harness";
import { drainInbox } from "./inbox-worker";

/**
 * Two workers on one database: two drain loops, and on PostgreSQL two separate connection pools, as two
 * desk instances would have. Each row must be fetched by exactly one of them.
 */
let database: TestDatabase;
let second: Database;
let t: TestSimulator;

beforeAll(async () => {
  [database, t] = await Promise.all([createTestDatabase(), startSim()]);
  // PGlite is one process's database: there the two loops share it, which still races their claims.
  second = database.engine === "postgres" ? await openDatabase({ url: database.url, poolSize: 4 }) : database;
});
afterAll(async () => {
  if (second && second !== database) await second.close();
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

describe("two workers on one inbox", () => {
  it("never fetch the same row twice, while notifications keep arriving", { timeout: 90_000 }, async () => {
    const items = await bulkFinal(t, 200);
    // Some latency so that both workers hold rows at the same time.
    await setFaults(t, { endpoints: { getProcess: { latencyMs: 5 } } });
    const a = countingClient(assureFor(t));
    const b = countingClient(assureFor(t));

    const server = await startWebhookServer(database.db);
    let sending = true;
    const loop = async (db: Database["db"], client: typeof a.client) => {
      const summaries = [];
      for (let round = 0; round < 500; round++) {
        const summary = await drainInbox(db, client, { batchSize: 10, concurrency: 16 });
        summaries.push(summary);
        if (!sending && summary.claimed === 0) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      return summaries;
    };
    const workers = Promise.all([loop(database.db, a.client), loop(second.db, b.client)]);
    try {
      const statuses = await postAll(server.url, items.map((i) => notificationBody(i, "accepted")), 16);
      expect(statuses.every((s) => s === 202)).toBe(true);
    } finally {
      sending = false;
      await server.close();
    }
    const [fromA, fromB] = await workers;
    await setFaults(t, {});

    const claimedA = fromA.reduce((n, s) => n + s.claimed, 0);
    const claimedB = fromB.reduce((n, s) => n + s.claimed, 0);
    expect(claimedA + claimedB).toBe(200);
    expect(claimedA).toBeGreaterThan(0);
    expect(claimedB).toBeGreaterThan(0);

    const ids = items.map((i) => i.processId);
    for (const id of ids) {
      expect((a.calls.getProcess.get(id) ?? 0) + (b.calls.getProcess.get(id) ?? 0), id).toBe(1);
    }
    const rows = await database.db.select({ state: webhookInbox.state, attempts: webhookInbox.attempts }).from(webhookInbox).where(inArray(webhookInbox.processId, ids));
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.state === "done" && r.attempts === 1)).toBe(true);
    const stored = await database.db.select({ id: processes.processId }).from(processes).where(inArray(processes.processId, ids));
    expect(stored).toHaveLength(200);
  });
});
