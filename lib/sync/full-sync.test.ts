import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { auditLog, dossiers, processResults, processes, syncRunItems, syncRuns, webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { AUTHORIZATION, assureFor, staffCtx, bulkFinal, countingClient, setFaults, simStatuses, startSim, startWebhookServer } from "../../tests/reliability/support/desk-harness";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "../errors";
import { continueFullSync } from "./full-sync";
import { getSyncOverview } from "./get-sync-overview";
import { cancelFullSync, requestFullSync } from "./request-full-sync";
import { tickFullSync } from "./sync-scheduler";
import { claimSyncRun, renewSyncLease } from "./sync-runs";

/** A sync walks everything Assure holds: each test gets its own simulator and database. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fresh(): Promise<{ database: TestDatabase; t: TestSimulator }> {
  const [database, t] = await Promise.all([createTestDatabase(), startSim()]);
  cleanups.push(() => database.dispose(), () => t.sim.close());
  return { database, t };
}

const WITH_RESULT = ["accepted", "rejected", "inconclusive"];

describe("full sync", () => {
  it("finds the processes whose notifications Assure dropped, with one GET per dossier", async () => {
    const { database, t } = await fresh();
    const { db } = database;
    const server = await startWebhookServer(db);
    cleanups.push(() => server.close());
    await setFaults(t, { notifications: { dropRate: 1 } });
    const items = await bulkFinal(t, 12, { processesPerDossier: 2, notificationUrl: server.url, authorizationHeader: AUTHORIZATION });
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.control("GET", "/stats")).body.notifications.dropped).toBe(12);
    expect(await db.select().from(webhookInbox)).toHaveLength(0);

    const { client, calls } = countingClient(assureFor(t));
    const { runId } = await requestFullSync(staffCtx(db), {});
    const summary = await continueFullSync(db, client);
    expect(summary).toEqual({ runId, outcome: "done", dossiers: 6 });

    const truth = await simStatuses(t, items);
    const ids = items.map((i) => i.processId);
    const stored = await db.select({ id: processes.processId, status: processes.status }).from(processes).where(inArray(processes.processId, ids));
    expect(new Map(stored.map((s) => [s.id, s.status]))).toEqual(truth);
    const zips = await db.select({ id: processResults.processId }).from(processResults);
    expect(zips.map((z) => z.id).sort()).toEqual(ids.filter((id) => WITH_RESULT.includes(truth.get(id)!)).sort());

    expect(calls.getProcess.size).toBe(0);
    expect([...calls.getDossier.values()]).toEqual(Array(6).fill(1));
    expect([...calls.downloadResult.values()].every((n) => n === 1)).toBe(true);
    const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    expect(run).toMatchObject({ state: "done", totalDossiers: 6, doneDossiers: 6, processesSeen: 12, processesChanged: 12, errors: 0 });
    const overview = await getSyncOverview(staffCtx(db));
    expect(overview.current).toBeNull();
    expect(overview.history[0]).toMatchObject({ id: runId, progress: 1 });

    // A second run finds nothing new and downloads no zip again.
    const again = countingClient(assureFor(t));
    await requestFullSync(staffCtx(db), {});
    expect((await continueFullSync(db, again.client))?.outcome).toBe("done");
    expect(again.calls.downloadResult.size).toBe(0);
    const [second] = await db.select().from(syncRuns).where(eq(syncRuns.state, "done")).orderBy(syncRuns.id).offset(1);
    expect(second).toMatchObject({ processesSeen: 12, processesChanged: 0 });
  });

  it("resumes an interrupted run with its pending dossiers only", async () => {
    const { database, t } = await fresh();
    const { db } = database;
    await bulkFinal(t, 30);
    const stop = new AbortController();
    const first = countingClient(assureFor(t));
    const interrupting = {
      ...first.client,
      async getDossier(dossierId: string) {
        const dossier = await first.client.getDossier(dossierId);
        if (first.calls.getDossier.size >= 10) stop.abort();
        return dossier;
      },
    };
    const { runId } = await requestFullSync(staffCtx(db), {});
    const interrupted = await continueFullSync(db, interrupting, { concurrency: 2, signal: stop.signal });
    expect(interrupted).toMatchObject({ runId, outcome: "stopped" });

    const overview = await getSyncOverview(staffCtx(db));
    expect(overview.current).toMatchObject({ id: runId, totalDossiers: 30, waitingForWorker: true });
    expect(overview.current!.doneDossiers).toBeGreaterThanOrEqual(10);
    expect(overview.current!.doneDossiers).toBeLessThan(30);
    const pending = await db.select().from(syncRunItems).where(eq(syncRunItems.state, "pending"));
    expect(pending.length).toBe(30 - overview.current!.doneDossiers);

    const second = countingClient(assureFor(t));
    expect(await continueFullSync(db, second.client, { concurrency: 3 })).toMatchObject({ runId, outcome: "done" });
    const firstIds = [...first.calls.getDossier.keys()];
    const secondIds = [...second.calls.getDossier.keys()];
    expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);
    expect(firstIds.length + secondIds.length).toBe(30);
    expect(second.calls.listDossiers).toBe(0);
    expect(await db.select().from(processes)).toHaveLength(30);
    expect((await db.select().from(syncRuns))[0]).toMatchObject({ state: "done", doneDossiers: 30 });
  });

  it("takes over a run whose worker died, once its heartbeat is stale and not before", async () => {
    const { database, t } = await fresh();
    const { db } = database;
    await bulkFinal(t, 5);
    const { runId } = await requestFullSync(staffCtx(db), {});
    const dead = await claimSyncRun(db);
    expect(dead?.runId).toBe(runId);

    expect(await continueFullSync(db, assureFor(t))).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(await continueFullSync(db, assureFor(t), { staleAfterMs: 200 })).toMatchObject({ runId, outcome: "done", dossiers: 5 });
    // The dead worker, were it to wake up, finds its lease gone.
    expect(await renewSyncLease(db, dead!)).toBeNull();
  });

  it("runs one sync at a time, held by one worker, and lets an admin cancel it", async () => {
    const { database, t } = await fresh();
    await bulkFinal(t, 4);
    const { runId } = await requestFullSync(staffCtx(database.db), {});
    await expect(requestFullSync(staffCtx(database.db), {})).rejects.toBeInstanceOf(Conflict);
    await expect(requestFullSync(staffCtx(database.db), { extra: 1 })).rejects.toThrow(/Not a sync request/);

    // Two instances look at once (on PostgreSQL through two pools): one gets the run.
    const other: Database = database.engine === "postgres" ? await openDatabase({ url: database.url, poolSize: 2 }) : database;
    if (other !== database) cleanups.push(() => other.close());
    const [a, b] = await Promise.all([claimSyncRun(database.db), claimSyncRun(other.db)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);

    await cancelFullSync(staffCtx(database.db), { runId: String(runId) });
    expect(await renewSyncLease(database.db, (a ?? b)!)).toBeNull();
    await expect(cancelFullSync(staffCtx(database.db), { runId })).rejects.toBeInstanceOf(Conflict);
    // A run that never existed is missing, not in conflict.
    await expect(cancelFullSync(staffCtx(database.db), { runId: runId + 1000 })).rejects.toBeInstanceOf(NotFound);
    expect((await getSyncOverview(staffCtx(database.db))).history[0]).toMatchObject({ id: runId, state: "canceled" });
    // Canceled frees the slot.
    expect((await requestFullSync(staffCtx(database.db), {})).runId).toBeGreaterThan(runId);
    const audit = await database.db.select({ action: auditLog.action, target: auditLog.target, actor: auditLog.actorEmail }).from(auditLog).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["sync.start", "sync.cancel", "sync.start"]);
    expect(audit[1]).toMatchObject({ target: `sync:${runId}`, actor: "admin@desk.test" });
  });

  it("lets only admins start, cancel or look at syncs", async () => {
    const { database } = await fresh();
    for (const role of ["support", "compliance"] as const) {
      await expect(requestFullSync(staffCtx(database.db, role), {})).rejects.toBeInstanceOf(Forbidden);
      await expect(getSyncOverview(staffCtx(database.db, role))).rejects.toBeInstanceOf(Forbidden);
      await expect(cancelFullSync(staffCtx(database.db, role), { runId: 1 })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(requestFullSync(staffCtx(database.db, null), {})).rejects.toBeInstanceOf(Unauthenticated);
    expect(await database.db.select().from(syncRuns)).toHaveLength(0);
  });

  it("marks a dossier Assure no longer has as gone, and keeps its processes", async () => {
    const { database, t } = await fresh();
    const { db } = database;
    const items = await bulkFinal(t, 3);
    await requestFullSync(staffCtx(db), {});
    await continueFullSync(db, assureFor(t));
    const goneId = items[0]!.dossierId;
    expect((await t.api("DELETE", `/dossiers/${goneId}`)).status).toBe(204);

    await requestFullSync(staffCtx(db), {});
    expect(await continueFullSync(db, assureFor(t))).toMatchObject({ outcome: "done", dossiers: 3 });
    const rows = await db.select({ id: dossiers.dossierId, goneAt: dossiers.goneAt }).from(dossiers);
    expect(rows.filter((r) => r.goneAt).map((r) => r.id)).toEqual([goneId]);
    expect(await db.select().from(processes).where(eq(processes.dossierId, goneId))).toHaveLength(1);
  });

  it("pauses through an Assure outage and finishes without counting it against the dossiers", async () => {
    const { database, t } = await fresh();
    const { db } = database;
    await bulkFinal(t, 8);
    await requestFullSync(staffCtx(db), {});
    // Listing works; reading the dossiers fails for a second.
    await setFaults(t, { endpoints: { getDossier: { errorRate: 1, errorStatus: 503 } } });
    setTimeout(() => void setFaults(t, {}), 1_000);
    const client = assureFor(t, { timeoutMs: 300 });
    const summary = await continueFullSync(db, client, { pauseMs: 100, maxPauseMs: 400 });
    expect(summary).toMatchObject({ outcome: "done", dossiers: 8 });
    const [run] = await db.select().from(syncRuns);
    expect(run).toMatchObject({ state: "done", doneDossiers: 8, errors: 0 });
    expect(await db.select().from(processes)).toHaveLength(8);
  });

  it("starts a scheduled run when the interval has passed, and not again before", async () => {
    const { database, t } = await fresh();
    await bulkFinal(t, 2);
    expect(await tickFullSync(database.db, assureFor(t))).toBeNull();
    expect(await tickFullSync(database.db, assureFor(t), { intervalMinutes: 60 })).toMatchObject({ outcome: "done", dossiers: 2 });
    expect(await tickFullSync(database.db, assureFor(t), { intervalMinutes: 60 })).toBeNull();
    const runs = await database.db.select().from(syncRuns);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "schedule", state: "done" });
  });
});
