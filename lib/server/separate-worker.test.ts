import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { burnCpu } from "../../tests/support/burn-cpu";
import { createPostgresDatabase, testServerUrl, type TestDatabase } from "../../tests/support/test-database";
import { assureFor, bulkFinal, notificationBody, startSim, WEBHOOK_SECRET, webhookRequest, type BulkItem } from "../../tests/reliability/support/desk-harness";
import type { AssureClient } from "../assure/client";
import { createInboxPump } from "../webhooks/inbox-pump";
import { receiveNotification } from "../webhooks/receive-notification";
import { superviseWorker } from "./worker-supervisor";

/**
 * The acknowledgement path beside a busy pump. Each pump step is made deliberately CPU-heavy (BUSY_MS of
 * synchronous work after each process read), so the figures compare against that step, not against the
 * real pump's speed: run in the acknowledging process (the old default), an acknowledgement waits for a
 * step; run by the worker `npm start` manages, it does not. Needs PostgreSQL: a second process cannot open
 * an embedded database (on PGlite the pump stays in the server, see the README).
 */
const BUSY_MS = 300;
const NOTIFICATIONS = 20;
const SPACING_MS = 40;

let database: TestDatabase;
let t: TestSimulator;

beforeAll(async () => {
  if (!testServerUrl) return;
  [database, t] = await Promise.all([createPostgresDatabase(testServerUrl), startSim()]);
});
afterAll(async () => {
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

/**
 * Notifications on a fixed schedule, SPACING_MS apart, each timed from when it was due to its answer: a
 * request that arrives while the event loop is held waits in the socket, and a timer due then fires late by
 * the same time, so the delay counts as it would for Assure's request. The pump is nudged after each.
 */
async function acknowledge(items: BulkItem[], nudge: () => void): Promise<{ latencies: number[]; from: Date; to: Date }> {
  const latencies: number[] = [];
  const from = new Date();
  const start = performance.now();
  for (const [index, item] of items.entries()) {
    const due = start + index * SPACING_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const answer = await receiveNotification(database.db, webhookRequest(notificationBody(item, "canceled")), WEBHOOK_SECRET);
    latencies.push(performance.now() - due);
    expect(answer.status).toBe(202);
    nudge();
  }
  return { latencies, from, to: new Date() };
}

/** The share of [from, to] that the worker spent inside its busy steps (one thread: the steps never overlap). */
function busyShare(file: string, from: number, to: number): number {
  const steps = readFileSync(file, "utf8").trim().split("\n").map((line) => line.split(" ").map(Number) as [number, number]);
  const busy = steps.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);
  return busy / (to - from);
}

async function rowsDone(items: BulkItem[]) {
  const rows = await database.db
    .select({ state: webhookInbox.state })
    .from(webhookInbox)
    .where(inArray(webhookInbox.processId, items.map((i) => i.processId)));
  return rows.filter((r) => r.state === "done");
}

async function untilDone(items: BulkItem[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await rowsDone(items)).length < items.length) {
    if (Date.now() > deadline) throw new Error("the pump did not finish its rows");
    await new Promise((r) => setTimeout(r, 100));
  }
  return rowsDone(items);
}

describe.skipIf(!testServerUrl)("acknowledgements beside a busy pump (PostgreSQL)", () => {
  it("in the acknowledging process, an acknowledgement waits for a CPU-heavy pump step (the control)", async () => {
    const items = await bulkFinal(t, NOTIFICATIONS, { scenarios: ["canceled"] });
    const inner = assureFor(t);
    const busy: AssureClient = {
      ...inner,
      async getProcess(dossierId, processId) {
        const process = await inner.getProcess(dossierId, processId);
        burnCpu(BUSY_MS);
        return process;
      },
    };
    const pump = createInboxPump(database.db, () => busy, { log: () => {} });
    const { latencies } = await acknowledge(items, () => pump.nudge());
    await pump.idle();
    await untilDone(items);
    expect(Math.max(...latencies)).toBeGreaterThan(BUSY_MS / 2);
  });

  it("with the worker npm start manages, acknowledgements do not wait for the pump's steps", async () => {
    const [warmUp, ...items] = await bulkFinal(t, NOTIFICATIONS + 1, { scenarios: ["canceled"] });
    const busyLog = path.join(mkdtempSync(path.join(tmpdir(), "desk-busy-")), "steps.log");
    const worker = superviseWorker({
      entry: path.resolve("tests/fixtures/worker/busy-worker.ts"),
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url!,
        DATABASE_POOL_SIZE: "4",
        ASSURE_BASE_URL: t.sim.baseUrl,
        ASSURE_TOKEN_URL: t.sim.tokenUrl,
        ASSURE_CLIENT_ID: "desk-demo-client",
        ASSURE_CLIENT_SECRET: "desk-demo-secret",
        ASSURE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // The configuration check asks for https with a real Assure API; this worker serves no pages.
        NEXTAUTH_URL: "https://desk.test",
        WORKER_INTERVAL_MS: "60000",
        BUSY_STEP_MS: String(BUSY_MS),
        BUSY_LOG: busyLog,
      },
    });
    try {
      // Measure once the worker is up (loaded, connected) and has processed one row.
      await worker.started();
      await acknowledge([warmUp!], () => worker.nudge());
      await untilDone([warmUp!]);
      const { latencies, from, to } = await acknowledge(items, () => worker.nudge());
      await untilDone(items);
      // The worker was busy while the notifications arrived: its steps held its loop most of that time...
      expect(busyShare(busyLog, from.getTime(), to.getTime())).toBeGreaterThan(0.5);
      // ...and no acknowledgement waited for one of its steps.
      expect(Math.max(...latencies)).toBeLessThan(BUSY_MS / 2);
    } finally {
      await worker.stop();
      rmSync(path.dirname(busyLog), { recursive: true, force: true });
    }
  }, 90_000);
});
