import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, syncRunItems, syncRuns } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { classifyAssureFailure } from "./assure-failure";
import { describeSyncError } from "./describe-sync-error";
import { syncDossier, type DossierSyncResult } from "./sync-dossier";
import { publishDeskEvent } from "../events/publish-event";
import {
  claimSyncRun,
  finishSyncRun,
  releaseSyncLease,
  renewSyncLease,
  SYNC_HEARTBEAT_MS,
  SYNC_STALE_AFTER_MS,
  type SyncLease,
} from "./sync-runs";

/**
 * The full sync: every dossier `GET /dossiers` lists (no paging, lib/assure/README.md), plus every dossier the desk
 * holds and has not seen gone, is read with its processes and stored. The list is written into
 * `sync_run_items` first; each item is marked done as it is, so a run that stops (a kill, a restart, a lost
 * lease) resumes with its pending items, whoever takes it next.
 */

export interface FullSyncOptions {
  /** Dossiers read at once. */
  concurrency?: number;
  /** Attempts per dossier for errors of that dossier (a 4xx, a body that is not a dossier). */
  maxItemAttempts?: number;
  heartbeatMs?: number;
  staleAfterMs?: number;
  /** Pause after a round in which Assure was unavailable; doubles up to `maxPauseMs`. */
  pauseMs?: number;
  maxPauseMs?: number;
  /** A graceful stop: the run is given back, unfinished, for the next worker. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export type FullSyncOutcome = "done" | "failed" | "lost" | "stopped";

export interface FullSyncSummary {
  runId: number;
  outcome: FullSyncOutcome;
  /** Dossiers handled by this worker (not the run's total when it resumed another's run). */
  dossiers: number;
}

const DEFAULTS = { concurrency: 4, maxItemAttempts: 3, pauseMs: 1_000, maxPauseMs: 30_000 };
type Settings = typeof DEFAULTS & { signal?: AbortSignal };
/** Listing the dossiers is retried this many times (with the pause) before the run fails. */
const LIST_ATTEMPTS = 8;

/** Assure as a whole is unreachable: wait and try the same dossiers again, without counting it against them. */
const isOutage = (error: unknown) => classifyAssureFailure(error) === "outage";

/** Takes a run that needs a worker (new, given back, or stale) and works on it; null when there is none. */
export async function continueFullSync(db: Db, assure: AssureClient, options: FullSyncOptions = {}): Promise<FullSyncSummary | null> {
  const lease = await claimSyncRun(db, options.staleAfterMs ?? SYNC_STALE_AFTER_MS);
  return lease ? runFullSync(db, assure, lease, options) : null;
}

/** Works on the run this worker holds until it is done, fails, is taken away, or `signal` stops it. */
export async function runFullSync(db: Db, assure: AssureClient, initial: SyncLease, options: FullSyncOptions = {}): Promise<FullSyncSummary> {
  const settings = { ...DEFAULTS, ...options };
  const log = options.log ?? (() => {});
  const keeper = keepLease(db, initial, options.heartbeatMs ?? SYNC_HEARTBEAT_MS, log);
  let handled = 0;
  const summary = (outcome: FullSyncOutcome): FullSyncSummary => ({ runId: initial.runId, outcome, dossiers: handled });
  const stopped = () => keeper.lost || options.signal?.aborted === true;

  try {
    const listed = await listIntoItems(db, assure, keeper, settings, stopped);
    if (listed === "failed") {
      const lease = await keeper.stop();
      if (lease) await finishSyncRun(db, lease, "failed");
      return summary("failed");
    }

    let pause = settings.pauseMs;
    while (!stopped()) {
      const items = await claimItems(db, initial.runId, settings.concurrency);
      if (items.length === 0) break;
      const outcomes = await Promise.all(items.map((item) => syncItem(db, assure, initial.runId, item, settings.maxItemAttempts)));
      handled += outcomes.filter((o) => o !== "outage").length;
      if (outcomes.includes("outage")) {
        log(`full sync ${initial.runId}: Assure unavailable, pausing ${pause} ms`);
        await sleep(pause, options.signal);
        pause = Math.min(pause * 2, settings.maxPauseMs);
      } else {
        pause = settings.pauseMs;
      }
    }

    const lease = await keeper.stop();
    if (!lease) return summary("lost");
    if (options.signal?.aborted) {
      await releaseSyncLease(db, lease);
      return summary("stopped");
    }
    if (await hasPendingItems(db, initial.runId)) {
      await releaseSyncLease(db, lease);
      return summary("stopped");
    }
    return summary((await finishSyncRun(db, lease, "done")) ? "done" : "lost");
  } catch (error) {
    // The database failed under us: give the run back so that another worker (or a later tick) resumes it.
    const lease = await keeper.stop();
    if (lease) await releaseSyncLease(db, lease).catch(() => {});
    throw error;
  }
}

interface LeaseKeeper {
  readonly lost: boolean;
  current(): SyncLease;
  /** Stops the heartbeats; the lease if still held. */
  stop(): Promise<SyncLease | null>;
}

/** Renews the lease every `heartbeatMs`, one renewal at a time; notices when it is lost. */
function keepLease(db: Db, initial: SyncLease, heartbeatMs: number, log: (line: string) => void): LeaseKeeper {
  let lease: SyncLease | null = initial;
  let renewing: Promise<void> = Promise.resolve();
  const renew = () => {
    renewing = renewing.then(async () => {
      if (!lease) return;
      try {
        lease = await renewSyncLease(db, lease);
        if (!lease) log(`full sync ${initial.runId}: lease lost (taken over or canceled)`);
      } catch (error) {
        // Keep the lease we think we hold; if the database stays away longer than the stale time, the
        // next renewal finds the run taken over and stops.
        log(`full sync ${initial.runId}: heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
  const timer = setInterval(renew, heartbeatMs);
  timer.unref();
  return {
    get lost() {
      return lease === null;
    },
    current: () => lease ?? initial,
    async stop() {
      clearInterval(timer);
      await renewing;
      if (lease) renew();
      await renewing;
      return lease;
    },
  };
}

/** Writes the run's items once: Assure's list plus the dossiers the desk holds (a truncated list then loses nothing). */
async function listIntoItems(db: Db, assure: AssureClient, keeper: LeaseKeeper, settings: Settings, stopped: () => boolean): Promise<"listed" | "failed" | "stopped"> {
  const runId = keeper.current().runId;
  const [run] = await db.select({ total: syncRuns.totalDossiers }).from(syncRuns).where(eq(syncRuns.id, runId));
  if (run?.total != null) return "listed";

  let pause = settings.pauseMs;
  for (let attempt = 1; ; attempt++) {
    if (stopped()) return "stopped";
    try {
      const listed = await assure.listDossiers();
      for (let i = 0; i < listed.length; i += 1_000) {
        const chunk = listed.slice(i, i + 1_000).map((d) => ({ runId, dossierId: d.dossierId }));
        await db.insert(syncRunItems).values(chunk).onConflictDoNothing();
      }
      break;
    } catch (error) {
      const message = describeSyncError(error);
      await db.update(syncRuns).set({ errors: sql`${syncRuns.errors} + 1`, lastError: `listing dossiers: ${message}` }).where(eq(syncRuns.id, runId));
      if (attempt >= LIST_ATTEMPTS) return "failed";
      await sleep(pause, settings.signal);
      pause = Math.min(pause * 2, settings.maxPauseMs);
    }
  }
  await db.execute(sql`
    insert into ${syncRunItems} (run_id, dossier_id)
    select ${runId}::bigint, ${dossiers.dossierId} from ${dossiers} where ${dossiers.goneAt} is null
    on conflict do nothing`);
  await db
    .update(syncRuns)
    .set({ totalDossiers: sql`(select count(*) from ${syncRunItems} where ${syncRunItems.runId} = ${runId})` })
    .where(eq(syncRuns.id, runId));
  return "listed";
}

interface ClaimedItem {
  dossierId: string;
  attempts: number;
}

/** Pending items, each counted as an attempt when claimed (so one that kills its worker ends up failed). */
async function claimItems(db: Db, runId: number, limit: number): Promise<ClaimedItem[]> {
  const pending = db
    .select({ dossierId: syncRunItems.dossierId })
    .from(syncRunItems)
    .where(and(eq(syncRunItems.runId, runId), eq(syncRunItems.state, "pending")))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(syncRunItems)
    .set({ attempts: sql`${syncRunItems.attempts} + 1` })
    .where(and(eq(syncRunItems.runId, runId), inArray(syncRunItems.dossierId, pending)))
    .returning({ dossierId: syncRunItems.dossierId, attempts: syncRunItems.attempts });
}

async function syncItem(db: Db, assure: AssureClient, runId: number, item: ClaimedItem, maxAttempts: number): Promise<"done" | "failed" | "retry" | "outage"> {
  let result: DossierSyncResult;
  try {
    result = await syncDossier(db, assure, item.dossierId);
  } catch (error) {
    const lastError = describeSyncError(error);
    const key = and(eq(syncRunItems.runId, runId), eq(syncRunItems.dossierId, item.dossierId), eq(syncRunItems.state, "pending"));
    if (isOutage(error)) {
      // Not this dossier's fault: give the attempt back and let the run pause.
      await db.update(syncRunItems).set({ attempts: sql`${syncRunItems.attempts} - 1`, lastError }).where(key);
      return "outage";
    }
    if (item.attempts < maxAttempts) {
      await db.update(syncRunItems).set({ lastError }).where(key);
      return "retry";
    }
    await settleItem(db, runId, item.dossierId, "failed", { lastError });
    return "failed";
  }
  await settleItem(db, runId, item.dossierId, "done", result);
  return "done";
}

/** Marks the item and counts it in the run, together, so the run's counters match its items after any crash. */
async function settleItem(db: Db, runId: number, dossierId: string, state: "done" | "failed", result: Partial<DossierSyncResult> & { lastError?: string }) {
  await db.transaction(async (tx) => {
    const settled = await tx
      .update(syncRunItems)
      .set({ state, lastError: result.lastError ?? null })
      .where(and(eq(syncRunItems.runId, runId), eq(syncRunItems.dossierId, dossierId), eq(syncRunItems.state, "pending")))
      .returning({ dossierId: syncRunItems.dossierId });
    if (settled.length === 0) return; // another worker (before a takeover) settled it already
    await publishDeskEvent(tx, { kind: "sync", status: "running" });
    await tx
      .update(syncRuns)
      .set({
        doneDossiers: sql`${syncRuns.doneDossiers} + 1`,
        processesSeen: sql`${syncRuns.processesSeen} + ${result.seen ?? 0}`,
        processesChanged: sql`${syncRuns.processesChanged} + ${result.changed ?? 0}`,
        ...(state === "failed" ? { errors: sql`${syncRuns.errors} + 1`, lastError: `${dossierId}: ${result.lastError}` } : {}),
      })
      .where(eq(syncRuns.id, runId));
  });
}

async function hasPendingItems(db: Db, runId: number): Promise<boolean> {
  const [row] = await db
    .select({ dossierId: syncRunItems.dossierId })
    .from(syncRunItems)
    .where(and(eq(syncRunItems.runId, runId), eq(syncRunItems.state, "pending")))
    .limit(1);
  return row !== undefined;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
