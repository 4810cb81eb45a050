import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processFindings, processResults, webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { assureFor, bulkFinal, countingClient, notificationBody, startSim, storedProcess, WEBHOOK_SECRET, webhookRequest } from "../../tests/reliability/support/desk-harness";
import type { AssureClient } from "../assure/client";
import { AssureUnavailableError } from "../assure/errors";
import { createInboxPump } from "./inbox-pump";
import { claimInboxRows, drainInbox, LOCK_EXPIRED_NOTE, releaseExpiredClaims } from "./inbox-worker";
import { receiveNotification } from "./receive-notification";

/** Statuses first, zips after: the two stages of an inbox row and the pump's two lanes. */
let database: TestDatabase;
let t: TestSimulator;

beforeAll(async () => {
  [database, t] = await Promise.all([createTestDatabase(), startSim()]);
});
afterAll(async () => {
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

async function notify(items: { dossierId: string; processId: string }[]) {
  for (const item of items) {
    const answer = await receiveNotification(database.db, webhookRequest(notificationBody(item, "accepted")), WEBHOOK_SECRET);
    expect(answer.status).toBe(202);
  }
}

const rowsOf = (ids: string[]) => database.db.select().from(webhookInbox).where(inArray(webhookInbox.processId, ids));
const zipsOf = (ids: string[]) => database.db.select({ processId: processResults.processId }).from(processResults).where(inArray(processResults.processId, ids));

function failingDownloads(inner: AssureClient): AssureClient {
  return {
    ...inner,
    downloadResult: () => Promise.reject(new AssureUnavailableError("downloadResult", 503, 3, "503 Service Unavailable")),
  };
}

describe("inbox stages", () => {
  it("stores the status and leaves the zip to the result stage when asked to defer", async () => {
    const items = (await Promise.all(["accepted", "under-age", "canceled"].map((scenario) => bulkFinal(t, 1, { scenarios: [scenario] })))).flat();
    const ids = items.map((i) => i.processId);
    await notify(items);
    const { client, calls } = countingClient(assureFor(t));
    let deferredHeard = 0;

    const statuses = await drainInbox(database.db, client, { stage: "status", deferResults: true, onDeferred: () => (deferredHeard += 1) });
    // accepted and rejected have a full result; a canceled process has none and is done at once.
    expect(statuses).toMatchObject({ claimed: 3, deferred: 2, done: 1, failed: 0 });
    expect(deferredHeard).toBe(2);
    for (const id of ids) expect(await storedProcess(database.db, id)).not.toBeNull();
    expect(await zipsOf(ids)).toHaveLength(0);
    const waiting = (await rowsOf(ids)).filter((r) => r.state !== "done");
    expect(waiting.map((r) => [r.stage, r.state, r.attempts])).toEqual([
      ["result", "received", 0],
      ["result", "received", 0],
    ]);

    // The status lane does not take result rows; the result lane takes only those, and reads no status again.
    expect(await drainInbox(database.db, client, { stage: "status", deferResults: true })).toMatchObject({ claimed: 0 });
    const results = await drainInbox(database.db, client, { stage: "result" });
    expect(results).toMatchObject({ claimed: 2, done: 2 });
    expect(await zipsOf(ids)).toHaveLength(2);
    expect((await rowsOf(ids)).every((r) => r.state === "done")).toBe(true);
    for (const id of ids) expect(calls.getProcess.get(id)).toBe(1);
  });

  it("the result lane writes the findings of the zips it stores at once; without findings (bench/pump.ts's baseline) none", async () => {
    const items = await bulkFinal(t, 6, { scenarios: ["accepted"] });
    await notify(items);
    const client = assureFor(t);
    await drainInbox(database.db, client, { stage: "status", deferResults: true });
    const [withFindings, without] = [items.slice(0, 4).map((i) => i.processId), items.slice(4).map((i) => i.processId)];
    // The second pair waits while the first four are stored, together, by one lane.
    await database.db.update(webhookInbox).set({ nextAttemptAt: new Date(Date.now() + 3_600_000) }).where(inArray(webhookInbox.processId, without));
    expect(await drainInbox(database.db, client, { stage: "result", concurrency: 4, batchSize: 4 })).toMatchObject({ done: 4 });
    await database.db.update(webhookInbox).set({ nextAttemptAt: new Date() }).where(inArray(webhookInbox.processId, without));
    expect(await drainInbox(database.db, client, { stage: "result", resultContents: "lookup-only" })).toMatchObject({ done: 2 });

    expect(await zipsOf([...withFindings, ...without])).toHaveLength(6);
    const reportsOf = async (ids: string[]) =>
      new Set((await database.db.select().from(processFindings).where(and(inArray(processFindings.processId, ids), eq(processFindings.depth, 0)))).map((f) => f.processId));
    expect((await reportsOf(withFindings)).size).toBe(4);
    expect((await reportsOf(without)).size).toBe(0);
  });

  it("retries a failed download at the result stage, keeping the stored status and without reading it again", async () => {
    const [item] = await bulkFinal(t, 1, { scenarios: ["accepted"] });
    await notify([item!]);
    const { client, calls } = countingClient(assureFor(t));
    await drainInbox(database.db, client, { stage: "status", deferResults: true });

    const failed = await drainInbox(database.db, failingDownloads(client), { stage: "result", baseDelayMs: 200, maxDelayMs: 200 });
    expect(failed).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await rowsOf([item!.processId]);
    expect(row).toMatchObject({ stage: "result", state: "failed", attempts: 1 });
    expect(row!.lastError).toContain("downloadResult is unavailable");
    expect(await storedProcess(database.db, item!.processId)).toMatchObject({ status: "accepted" });

    await new Promise((r) => setTimeout(r, 210));
    // The sweep's drain (no stage) takes result rows too.
    expect(await drainInbox(database.db, client)).toMatchObject({ claimed: 1, done: 1 });
    expect(await zipsOf([item!.processId])).toHaveLength(1);
    expect(calls.getProcess.get(item!.processId)).toBe(1);
  });

  it("dead-letters a zip that never downloads, at the result stage, so that a replay retries the download", async () => {
    const [item] = await bulkFinal(t, 1, { scenarios: ["accepted"] });
    await notify([item!]);
    const client = assureFor(t);
    await drainInbox(database.db, client, { stage: "status", deferResults: true });
    const failing = failingDownloads(client);
    for (let round = 0; round < 20 && (await rowsOf([item!.processId]))[0]?.state !== "dead"; round++) {
      await drainInbox(database.db, failing, { stage: "result", maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 });
      await new Promise((r) => setTimeout(r, 10));
    }
    const [row] = await rowsOf([item!.processId]);
    expect(row).toMatchObject({ stage: "result", state: "dead", attempts: 2 });
  });

  it("a pump runs both lanes: every status and every zip stored after one nudge", async () => {
    const items = await bulkFinal(t, 12, { scenarios: ["accepted"] });
    const ids = items.map((i) => i.processId);
    await notify(items);
    const pump = createInboxPump(database.db, () => assureFor(t), { log: () => {} });
    pump.nudge();
    await pump.idle();
    const rows = await rowsOf(ids);
    expect(rows.every((r) => r.state === "done" && r.stage === "result")).toBe(true);
    expect(await zipsOf(ids)).toHaveLength(12);
  });

  it("a nudge of all lanes picks up result rows another instance deferred", async () => {
    const [item] = await bulkFinal(t, 1, { scenarios: ["accepted"] });
    await notify([item!]);
    await drainInbox(database.db, assureFor(t), { stage: "status", deferResults: true });
    const pump = createInboxPump(database.db, () => assureFor(t), { log: () => {} });
    pump.nudge();
    await pump.idle();
    expect((await rowsOf([item!.processId]))[0]).toMatchObject({ stage: "result", state: "received" });
    pump.nudge("all");
    await pump.idle();
    expect((await rowsOf([item!.processId]))[0]).toMatchObject({ state: "done" });
    expect(await database.db.select().from(processResults).where(eq(processResults.processId, item!.processId))).toHaveLength(1);
  });

  it("a lane claims its stage's due rows only; a row whose worker died is released by the sweep, then claimed again", async () => {
    const [dead, waiting] = await bulkFinal(t, 2, { scenarios: ["accepted"] });
    await notify([dead!, waiting!]);
    // A worker claimed the first row and died: its lock ran out a minute ago.
    await database.db
      .update(webhookInbox)
      .set({ state: "processing", attempts: 1, lockedUntil: new Date(Date.now() - 60_000) })
      .where(eq(webhookInbox.processId, dead!.processId));

    const lane = await claimInboxRows(database.db, 10, 60, "status");
    expect(lane.map((r) => r.processId)).toEqual([waiting!.processId]);
    // No claim takes a held row, whatever its lock says: only the release does.
    expect(await claimInboxRows(database.db, 10, 60)).toEqual([]);
    expect(await releaseExpiredClaims(database.db)).toBe(1);
    const [released] = await rowsOf([dead!.processId]);
    expect(released).toMatchObject({ state: "failed", lockedUntil: null, attempts: 1 });
    expect(released!.lastError).toContain(LOCK_EXPIRED_NOTE);
    // The row the lane claimed above holds a live lock: it is not released.
    expect(await releaseExpiredClaims(database.db)).toBe(0);
    const again = await claimInboxRows(database.db, 10, 60, "status");
    expect(again.map((r) => [r.processId, r.attempts])).toEqual([[dead!.processId, 2]]);
    expect(await claimInboxRows(database.db, 10, 60)).toEqual([]);
  });
});

