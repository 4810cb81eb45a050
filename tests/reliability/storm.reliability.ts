import { inArray, sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { processResults, processes, webhookInbox } from "../../db/schema";
import { drainInbox } from "../../lib/webhooks/inbox-worker";
import { createInboxPump, type InboxPump } from "../../lib/webhooks/inbox-pump";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { assureFor, bulkFinal, countingClient, notificationBody, postAll, setFaults, shuffle, simStatuses, startSim, startWebhookServer } from "./support/desk-harness";

/**
 * 10,000 notifications, 30% of them repeats, shuffled, over HTTP into the verb the route calls, while the
 * simulator fails 10% of calls and answers slowly. Two workers (on PostgreSQL: two connection pools) process
 * the inbox as it fills. Afterwards every process is stored once with the simulator's final status.
 */
const NOTIFICATIONS = 10_000;
const UNIQUE = 7_000;
const log = (line: string) => console.log(`[storm] ${line}`);

let database: TestDatabase | undefined;
let second: Database | undefined;
let t: TestSimulator | undefined;

afterAll(async () => {
  if (second && second !== database) await second.close();
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

it("stores every process once with its final status after a storm of repeats and faults", async () => {
  [database, t] = await Promise.all([createTestDatabase(), startSim()]);
  const sim = t;
  second = database.engine === "postgres" ? await openDatabase({ url: database.url, poolSize: 8 }) : database;

  const items = await bulkFinal(sim, UNIQUE, { includeItems: true });
  const repeats = Array.from({ length: NOTIFICATIONS - UNIQUE }, (_, i) => items[(i * 7_919) % UNIQUE]!);
  const bodies = shuffle([...items, ...repeats], 7).map((item) => notificationBody(item, "accepted"));
  await setFaults(sim, { errorRate: 0.1, errorStatus: 503, latencyMs: 20 });

  const options = { baseDelayMs: 200, maxDelayMs: 2_000, maxAttempts: 20, batchSize: 32 };
  const pumpOptions = { ...options, maxConcurrency: 64 };
  const workers = [countingClient(assureFor(sim)), countingClient(assureFor(sim))];
  const pumps: InboxPump[] = [
    createInboxPump(database.db, () => workers[0]!.client, pumpOptions),
    createInboxPump(second.db, () => workers[1]!.client, pumpOptions),
  ];
  let stored = 0;
  const server = await startWebhookServer(database.db, () => pumps[stored++ % 2]!.nudge());
  const started = Date.now();
  let statuses: number[];
  try {
    statuses = await postAll(server.url, bodies, 64);
  } finally {
    await server.close();
  }
  const sentIn = Date.now() - started;
  log(`${NOTIFICATIONS} sent in ${sentIn} ms: ${statuses.filter((s) => s === 202).length} stored, ${statuses.filter((s) => s === 200).length} duplicates`);
  expect(statuses.filter((s) => s === 202)).toHaveLength(UNIQUE);
  expect(statuses.filter((s) => s === 200)).toHaveLength(NOTIFICATIONS - UNIQUE);

  // Failed rows come due again after their back-off: keep draining, as the periodic sweep does.
  const ids = items.map((i) => i.processId);
  const deadline = Date.now() + 240_000;
  for (;;) {
    await Promise.all(pumps.map((p) => p.idle()));
    const [open] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookInbox)
      .where(sql`${webhookInbox.state} <> 'done'`);
    if (Number(open?.n) === 0 || Date.now() > deadline) break;
    await Promise.all([drainInbox(database.db, workers[0]!.client, { ...options, concurrency: 64 }), drainInbox(second.db, workers[1]!.client, { ...options, concurrency: 64 })]);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`inbox settled ${Date.now() - started} ms after the first notification`);
  await setFaults(sim, {});

  const truth = await simStatuses(sim, items);
  const rows = await database.db
    .select({ processId: webhookInbox.processId, state: webhookInbox.state, attempts: webhookInbox.attempts })
    .from(webhookInbox)
    .where(inArray(webhookInbox.processId, ids));
  expect(rows).toHaveLength(UNIQUE);
  expect(rows.filter((r) => r.state !== "done")).toEqual([]);
  const retried = rows.filter((r) => r.attempts > 1).length;
  log(`${retried} rows needed more than one attempt; max attempts ${Math.max(...rows.map((r) => r.attempts))}`);

  const storedRows = await database.db.select({ id: processes.processId, status: processes.status }).from(processes).where(inArray(processes.processId, ids));
  expect(storedRows).toHaveLength(UNIQUE);
  expect(new Map(storedRows.map((s) => [s.id, s.status]))).toEqual(truth);
  const zips = await database.db.select({ id: processResults.processId }).from(processResults).where(inArray(processResults.processId, ids));
  expect(zips.map((z) => z.id).sort()).toEqual(ids.filter((id) => ["accepted", "rejected", "inconclusive"].includes(truth.get(id)!)).sort());

  // No row was worked on twice at once: a process is fetched successfully at most once per claim of its row.
  const attempts = new Map(rows.map((r) => [r.processId, r.attempts]));
  const overFetched = ids.filter((id) => {
    const fetched = workers.reduce((n, w) => n + (w.calls.getProcess.get(id) ?? 0), 0);
    return fetched < 1 || fetched > attempts.get(id)!;
  });
  expect(overFetched).toEqual([]);
  const fetchedOnce = ids.filter((id) => attempts.get(id) === 1).every((id) => workers.reduce((n, w) => n + (w.calls.getProcess.get(id) ?? 0), 0) === 1);
  expect(fetchedOnce).toBe(true);
  const byWorker = workers.map((w) => [...w.calls.getProcess.values()].reduce((a, b) => a + b, 0));
  log(`getProcess per worker: ${byWorker.join(" / ")}`);
  expect(byWorker.every((n) => n > 0)).toBe(true);
});
