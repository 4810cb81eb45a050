import { inArray, sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { processResults, processes, webhookInbox } from "../../db/schema";
import { ensureReliabilityBuild, freePort, startDeskServer, type DeskServer } from "../../scripts/reliability/desk-server";
import type { TestSimulator } from "../../simulator/test-support";
import { createServerDatabase, type ServerDatabase } from "./support/desk-database";
import { bulkFinal, notificationBody, setFaults, simStatuses, startSim, WEBHOOK_SECRET, AUTHORIZATION } from "./support/desk-harness";

/**
 * SIGKILL of the production desk server in the middle of a stream of notifications. Whatever it
 * acknowledged (2xx) must end up processed after a restart: the inbox row done and the process stored
 * with the simulator's status. What it did not acknowledge is sent again, as Assure would.
 */
const COUNT = 600;
const KILL_AFTER_ACKS = 250;
const log = (line: string) => console.log(`[kill] ${line}`);

let t: TestSimulator | undefined;
let database: ServerDatabase | undefined;
let server: DeskServer | undefined;

afterAll(async () => {
  await server?.stop("SIGKILL");
  await t?.sim.close();
  await database?.dispose();
});

async function send(url: string, bodies: string[], indexes: number[], onAck: (i: number) => void | Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const i = indexes[next++]!;
      try {
        const res = await fetch(`${url}/api/webhooks/assure`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: AUTHORIZATION },
          body: bodies[i],
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) await onAck(i);
      } catch {
        // No answer: not acknowledged, so the sender keeps it to send again.
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function settled(db: Database["db"], ids: string[]) {
  const rows = await db
    .select({ state: webhookInbox.state, n: sql<number>`count(*)::int` })
    .from(webhookInbox)
    .where(inArray(webhookInbox.processId, ids))
    .groupBy(webhookInbox.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
}

it("processes every acknowledged notification after a kill -9 and a restart", async () => {
  ensureReliabilityBuild(log);
  [t, database] = await Promise.all([startSim(), createServerDatabase()]);
  const sim = t;
  const items = await bulkFinal(sim, COUNT);
  const ids = items.map((i) => i.processId);
  const bodies = items.map((item) => notificationBody(item, "accepted"));
  // Assure answers slowly, so that processing lags the acknowledgements and the kill catches rows mid-way.
  await setFaults(sim, { endpoints: { getProcess: { latencyMs: 40 }, getResult: { latencyMs: 40 } } });

  const env = {
    ...database.env,
    ASSURE_BASE_URL: sim.sim.baseUrl,
    ASSURE_TOKEN_URL: sim.sim.tokenUrl,
    ASSURE_CLIENT_ID: "desk-demo-client",
    ASSURE_CLIENT_SECRET: "desk-demo-secret",
    ASSURE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ASSURE_SIMULATOR: "1",
    WORKER_INTERVAL_MS: "250",
  };
  const port = await freePort();
  server = await startDeskServer(port, env);
  log(`engine ${database.engine}; server pid ${server.pid} on ${server.url}`);

  const acked = new Set<number>();
  let killedAt = 0;
  const first = server;
  await send(first.url, bodies, [...bodies.keys()], async (i) => {
    acked.add(i);
    if (acked.size >= KILL_AFTER_ACKS && !killedAt) {
      killedAt = Date.now();
      await first.stop("SIGKILL");
    }
  });
  const ackedBeforeKill = new Set(acked);
  expect(killedAt).toBeGreaterThan(0);
  log(`${ackedBeforeKill.size} acknowledged, then SIGKILL`);

  if (database.engine === "postgres") {
    const states = await database.withDatabase((d) => settled(d.db, ids));
    log(`inbox at the kill: ${JSON.stringify(states)}`);
  }

  server = await startDeskServer(port, env);
  const unacked = [...bodies.keys()].filter((i) => !acked.has(i));
  await send(server.url, bodies, unacked, (i) => void acked.add(i));
  expect(acked.size).toBe(COUNT);
  log(`restarted (pid ${server.pid}); ${unacked.length} sent again, all acknowledged`);

  // Rows the killed server held stay locked until their lock (60 s) expires; then any worker takes them.
  const started = Date.now();
  const deadline = started + 150_000;
  let states: Record<string, number> = {};
  for (;;) {
    if (database.engine === "postgres") {
      states = await database.withDatabase((d) => settled(d.db, ids));
      if (states.done === COUNT) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1_000));
    } else {
      // PGlite: one process at a time. Let the server work, stop it, look, start it again if needed.
      await new Promise((r) => setTimeout(r, states.done === undefined ? 70_000 : 15_000));
      await server.stop("SIGTERM");
      states = await database.withDatabase((d) => settled(d.db, ids));
      if (states.done === COUNT || Date.now() > deadline) break;
      server = await startDeskServer(port, env);
    }
  }
  log(`settled in ${Math.round((Date.now() - started) / 1000)} s after the restart: ${JSON.stringify(states)}`);
  await server.stop("SIGTERM");
  await setFaults(sim, {});

  const truth = await simStatuses(sim, items);
  await database.withDatabase(async ({ db }) => {
    const rows = await db.select({ processId: webhookInbox.processId, state: webhookInbox.state }).from(webhookInbox).where(inArray(webhookInbox.processId, ids));
    // Each notification stored once, whichever server stored it, and processed.
    expect(rows).toHaveLength(COUNT);
    const notDone = rows.filter((r) => r.state !== "done").map((r) => r.processId);
    expect(notDone).toEqual([]);
    const stored = await db.select({ id: processes.processId, status: processes.status }).from(processes).where(inArray(processes.processId, ids));
    const storedStatus = new Map(stored.map((s) => [s.id, s.status]));
    for (const i of ackedBeforeKill) {
      const id = ids[i]!;
      expect(storedStatus.get(id), id).toBe(truth.get(id));
    }
    expect(storedStatus).toEqual(truth);
    const zips = await db.select({ id: processResults.processId }).from(processResults).where(inArray(processResults.processId, ids));
    const withResult = ids.filter((id) => ["accepted", "rejected", "inconclusive"].includes(truth.get(id)!));
    expect(zips.map((z) => z.id).sort()).toEqual(withResult.sort());
  });
});
