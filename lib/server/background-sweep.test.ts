import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { assureFor, bulkFinal, notificationBody, startSim, WEBHOOK_SECRET, webhookRequest } from "../../tests/reliability/support/desk-harness";
import { LOCK_EXPIRED_NOTE } from "../webhooks/inbox-worker";
import { receiveNotification } from "../webhooks/receive-notification";
import { startBackgroundSweep } from "./background-sweep";

let database: TestDatabase;
let t: TestSimulator;

beforeAll(async () => {
  [database, t] = await Promise.all([createTestDatabase(), startSim()]);
});
afterAll(async () => {
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

it("hands the inbox to the pump's lanes: takes back rows of a dead worker and nudges, without claiming a row itself", async () => {
  const [held, due] = await bulkFinal(t, 2, { scenarios: ["accepted"] });
  for (const item of [held!, due!]) {
    expect((await receiveNotification(database.db, webhookRequest(notificationBody(item, "accepted")), WEBHOOK_SECRET)).status).toBe(202);
  }
  await database.db
    .update(webhookInbox)
    .set({ state: "processing", attempts: 1, lockedUntil: new Date(Date.now() - 60_000) })
    .where(eq(webhookInbox.processId, held!.processId));

  const nudges: string[] = [];
  const lines: string[] = [];
  let heard!: () => void;
  const nudged = new Promise<void>((resolve) => (heard = resolve));
  const stop = startBackgroundSweep(database, assureFor(t), {
    intervalMs: 100,
    inbox: { nudge: (lanes = "status") => (nudges.push(lanes), heard()) },
    log: (line) => lines.push(line),
  });
  await nudged;
  await stop();

  expect(nudges[0]).toBe("all");
  const rows = await database.db
    .select({ processId: webhookInbox.processId, state: webhookInbox.state, attempts: webhookInbox.attempts, lastError: webhookInbox.lastError })
    .from(webhookInbox)
    .where(inArray(webhookInbox.processId, [held!.processId, due!.processId]));
  const byId = new Map(rows.map((r) => [r.processId, r]));
  // The dead worker's row is due again for a lane, its attempt counted; the waiting row is left to the lanes.
  expect(byId.get(held!.processId)).toMatchObject({ state: "failed", attempts: 1 });
  expect(byId.get(held!.processId)!.lastError).toContain(LOCK_EXPIRED_NOTE);
  expect(byId.get(due!.processId)).toMatchObject({ state: "received", attempts: 0 });
  expect(lines).toContain("sweep: inbox rows taken back from a worker that stopped while holding them: 1");
});
