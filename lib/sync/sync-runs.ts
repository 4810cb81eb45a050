import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { syncRuns } from "../../db/schema";
import { Conflict } from "../errors";

/**
 * Who works on a full sync. At most one run is `running` (the unique partial index
 * `sync_runs_one_running_idx`), and one worker at a time holds it: the worker that last wrote its
 * `heartbeat_at`. The heartbeat value is the lease: renewing compares it with the value the worker wrote,
 * so a worker whose run was taken over (or canceled) finds out at its next heartbeat and stops.
 * A run nobody renews for `staleAfterMs` is free for any worker to take: that is how a run survives a
 * killed server. A run created by the admin screen starts unowned (heartbeat at the epoch).
 */

export interface SyncLease {
  runId: number;
  /** The heartbeat this worker wrote last; the next renewal must find it unchanged. */
  heartbeat: Date;
}

export type SyncTrigger = "admin" | "schedule";

/** Heartbeats every 10 s; a run not renewed for 2 minutes is taken over. */
export const SYNC_HEARTBEAT_MS = 10_000;
export const SYNC_STALE_AFTER_MS = 2 * 60_000;

/** Millisecond precision so that the value read back into a JS Date compares equal in SQL. */
const nowMs = sql`date_trunc('milliseconds', clock_timestamp())`;
const UNOWNED = sql`to_timestamp(0)`;

/**
 * Creates a run that any worker may take (see `claimSyncRun`). Throws `Conflict` when one is running:
 * the unique partial index decides, so two admins or two schedulers racing get one run.
 */
export async function createSyncRun(db: Db | Tx, input: { trigger: SyncTrigger; triggeredBy?: string | null }): Promise<number> {
  const [row] = await db
    .insert(syncRuns)
    .values({ trigger: input.trigger, triggeredBy: input.triggeredBy ?? null, heartbeatAt: UNOWNED })
    .onConflictDoNothing()
    .returning({ id: syncRuns.id });
  if (!row) throw new Conflict("A full sync is already running", { code: "syncRunning" });
  return row.id;
}

/** Takes the running run if nobody renewed it for `staleAfterMs` (or it was never taken); null otherwise. */
export async function claimSyncRun(db: Db, staleAfterMs = SYNC_STALE_AFTER_MS): Promise<SyncLease | null> {
  const [row] = await db
    .update(syncRuns)
    .set({ heartbeatAt: nowMs })
    .where(
      and(
        eq(syncRuns.state, "running"),
        lt(syncRuns.heartbeatAt, sql`clock_timestamp() - make_interval(secs => ${staleAfterMs / 1000})`),
      ),
    )
    .returning({ runId: syncRuns.id, heartbeat: syncRuns.heartbeatAt });
  return row ?? null;
}

/** Renews the lease; null when the run was taken over, canceled or finished meanwhile. */
export async function renewSyncLease(db: Db, lease: SyncLease): Promise<SyncLease | null> {
  const [row] = await db
    .update(syncRuns)
    .set({ heartbeatAt: nowMs })
    .where(and(eq(syncRuns.id, lease.runId), eq(syncRuns.state, "running"), eq(syncRuns.heartbeatAt, lease.heartbeat)))
    .returning({ runId: syncRuns.id, heartbeat: syncRuns.heartbeatAt });
  return row ?? null;
}

/** Gives the run back (a graceful stop): the next worker to look takes it at once. */
export async function releaseSyncLease(db: Db, lease: SyncLease): Promise<void> {
  await db
    .update(syncRuns)
    .set({ heartbeatAt: UNOWNED })
    .where(and(eq(syncRuns.id, lease.runId), eq(syncRuns.state, "running"), eq(syncRuns.heartbeatAt, lease.heartbeat)));
}

/** Ends the run if this worker still holds it; false when it did not (taken over or canceled). */
export async function finishSyncRun(db: Db, lease: SyncLease, state: "done" | "failed", lastError?: string): Promise<boolean> {
  const rows = await db
    .update(syncRuns)
    .set({ state, finishedAt: sql`now()`, ...(lastError ? { lastError } : {}) })
    .where(and(eq(syncRuns.id, lease.runId), eq(syncRuns.state, "running"), eq(syncRuns.heartbeatAt, lease.heartbeat)))
    .returning({ id: syncRuns.id });
  return rows.length > 0;
}

/** The start time of the newest run, whatever its state; null before the first. */
export async function latestSyncStart(db: Db): Promise<Date | null> {
  const [row] = await db.select({ startedAt: syncRuns.startedAt }).from(syncRuns).orderBy(desc(syncRuns.startedAt)).limit(1);
  return row?.startedAt ?? null;
}
