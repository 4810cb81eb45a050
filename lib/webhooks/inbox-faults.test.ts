import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, processResults, processes, webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import {
  assureFor,
  bulkFinal,
  notificationBody,
  setFaults,
  simStatuses,
  staffCtx,
  startSim,
  WEBHOOK_SECRET,
  webhookRequest,
} from "../../tests/reliability/support/desk-harness";
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated } from "../errors";
import { drainInbox } from "./inbox-worker";
import { receiveNotification } from "./receive-notification";
import { replayInboxRow } from "./replay-inbox-row";

let database: TestDatabase;
let t: TestSimulator;

beforeAll(async () => {
  [database, t] = await Promise.all([createTestDatabase(), startSim()]);
});
afterAll(async () => {
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

async function store(items: { dossierId: string; processId: string }[], status = "accepted") {
  for (const item of items) {
    const answer = await receiveNotification(database.db, webhookRequest(notificationBody(item, status)), WEBHOOK_SECRET);
    expect(answer.status).toBe(202);
  }
}

const rowsOf = (processIds: string[]) => database.db.select().from(webhookInbox).where(inArray(webhookInbox.processId, processIds));

/** Drains until every row is settled (done or dead), like the sweep does, bounded in rounds and time. */
async function drainUntilSettled(processIds: string[], options: Parameters<typeof drainInbox>[2], client = assureFor(t, { timeoutMs: 1_000 })) {
  const end = Date.now() + 20_000;
  for (let round = 0; round < 400 && Date.now() < end; round++) {
    await drainInbox(database.db, client, options);
    const rows = await rowsOf(processIds);
    if (rows.every((r) => r.state === "done" || r.state === "dead")) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("inbox did not settle");
}

describe("the inbox under a failing Assure", () => {
  it("heals everything once Assure answers again, after 20% errors and an outage", async () => {
    const items = await bulkFinal(t, 40);
    await store(items);
    await setFaults(t, { errorRate: 0.2, errorStatus: 503, down: { seconds: 1.5, mode: "connection" } });
    const ids = items.map((i) => i.processId);

    // While Assure is down nothing can succeed; rows fail and wait for their next attempt.
    const during = await drainInbox(database.db, assureFor(t, { timeoutMs: 500 }), {
      batchSize: 40,
      concurrency: 40,
      maxRounds: 1,
      baseDelayMs: 50,
      maxDelayMs: 400,
    });
    expect(during).toEqual({ claimed: 40, done: 0, deferred: 0, failed: 40, dead: 0 });

    const rows = await drainUntilSettled(ids, { baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 30 });
    await setFaults(t, {});
    expect(rows.map((r) => r.state)).toEqual(Array(40).fill("done"));
    expect(rows.some((r) => r.attempts > 1)).toBe(true);

    const truth = await simStatuses(t, items);
    const stored = await database.db.select({ processId: processes.processId, status: processes.status }).from(processes).where(inArray(processes.processId, ids));
    expect(new Map(stored.map((s) => [s.processId, s.status]))).toEqual(new Map(ids.map((id) => [id, truth.get(id)])));
    const withZip = items.filter((i) => ["accepted", "rejected", "inconclusive"].includes(truth.get(i.processId)!));
    const zips = await database.db.select({ processId: processResults.processId }).from(processResults).where(inArray(processResults.processId, ids));
    expect(zips.map((z) => z.processId).sort()).toEqual(withZip.map((i) => i.processId).sort());
  });

  it("dead-letters a row after its attempts, and a replay brings it back", async () => {
    const [item] = await bulkFinal(t, 1, { scenarios: ["accepted"] });
    await store([item!]);
    await setFaults(t, { endpoints: { getProcess: { errorRate: 1, errorStatus: 500 } } });
    const rows = await drainUntilSettled([item!.processId], { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 }, assureFor(t, { maxRetries: 0 }));
    const [dead] = rows;
    expect(dead).toMatchObject({ state: "dead", attempts: 3 });
    // The newest error first, then the earlier attempts'.
    expect(dead!.lastError!.split("\n")).toHaveLength(3);
    expect(dead!.lastError).toMatch(/500/);

    const replay = await replayInboxRow(staffCtx(database.db), { id: String(dead!.id) });
    expect(replay).toEqual({ id: dead!.id, processId: item!.processId, previousAttempts: 3 });
    const [back] = await rowsOf([item!.processId]);
    expect(back).toMatchObject({ state: "received", attempts: 0, lockedUntil: null });
    expect(back!.lastError!.split("\n")[0]).toMatch(/^replayed at .* after 3 attempts$/);
    expect(back!.lastError).toContain(dead!.lastError);

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.target, `inbox:${dead!.id}`));
    expect(audit).toMatchObject({ action: "inbox.replay", processId: item!.processId, actorRole: "admin", details: { previousAttempts: 3 } });

    await setFaults(t, {});
    const summary = await drainInbox(database.db, assureFor(t));
    expect(summary.done).toBe(1);
    const [processed] = await rowsOf([item!.processId]);
    expect(processed).toMatchObject({ state: "done", attempts: 1 });
    const [stored] = await database.db.select().from(processes).where(eq(processes.processId, item!.processId));
    expect(stored?.status).toBe("accepted");
  });

  it("replays only dead rows, and says why not otherwise", async () => {
    const [item] = await bulkFinal(t, 1);
    await store([item!]);
    const [row] = await rowsOf([item!.processId]);
    await expect(replayInboxRow(staffCtx(database.db), { id: row!.id })).rejects.toBeInstanceOf(Conflict);
    await expect(replayInboxRow(staffCtx(database.db), { id: 987_654_321 })).rejects.toBeInstanceOf(NotFound);
    await expect(replayInboxRow(staffCtx(database.db), { id: "x" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(replayInboxRow(staffCtx(database.db), {})).rejects.toBeInstanceOf(InvalidInput);
    await expect(replayInboxRow(staffCtx(database.db), { id: -1 })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("lets only admins replay", async () => {
    await expect(replayInboxRow(staffCtx(database.db, "compliance"), { id: 1 })).rejects.toBeInstanceOf(Forbidden);
    await expect(replayInboxRow(staffCtx(database.db, "support"), { id: 1 })).rejects.toBeInstanceOf(Forbidden);
    await expect(replayInboxRow(staffCtx(database.db, null), { id: 1 })).rejects.toBeInstanceOf(Unauthenticated);
  });
});
