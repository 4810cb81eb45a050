import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { forgetResultsLocally } from "../results/forget-results";
import { rowsOf } from "../../db/rows-of";
import { claimRetentionBatch, countRetention, type Cursor, type RetentionCounts } from "./retention-candidates";
import { purgeDossiers } from "./purge-dossiers";

export const RETENTION_ACTOR: AuditActor = { id: null, email: "retention", role: "system" };

export interface RetentionOptions {
  /** Dossiers whose last activity is older than this many days go; 0: every final dossier. */
  days: number;
  /** false: count only (the dry run), change nothing. */
  apply: boolean;
  /** Dossiers per transaction: short, so that webhook intake never waits long on a lock. */
  batchSize?: number;
  /** Pause between batches, leaving the database to other work. */
  pauseMs?: number;
  now?: Date;
  /** Who asked (the command line names the operator); the audit row's actor. */
  actor?: AuditActor;
  /** Asked again under the lock: false skips the run (another instance has just done it). */
  stillDue?: () => Promise<boolean>;
}

export interface RetentionRunSummary extends RetentionCounts {
  apply: boolean;
  days: number;
  cutoff: Date;
  notes: number;
  /** false when another instance holds the run (nothing was done). */
  ran: boolean;
}

export function retentionCutoff(days: number, now = new Date()): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** An arbitrary constant: the advisory lock that makes one instance at a time run retention. */
const RETENTION_LOCK_KEY = 0x7e7e_0013;
const globalForLock = globalThis as unknown as { deskRetentionRunning?: boolean };

/**
 * Runs `work` only if no other instance is running retention. On PostgreSQL: a transaction-level advisory
 * lock held by an otherwise idle transaction for the length of the run (it writes nothing and, in READ
 * COMMITTED, holds no snapshot between statements); the batches run on other pooled connections. PGlite
 * belongs to one process, so a flag in memory is the lock there.
 */
export async function withRetentionLock<T>(database: Database, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  if (database.engine === "pglite") {
    if (globalForLock.deskRetentionRunning) return { ran: false };
    globalForLock.deskRetentionRunning = true;
    try {
      return { ran: true, value: await work() };
    } finally {
      globalForLock.deskRetentionRunning = false;
    }
  }
  return database.db.transaction(async (tx) => {
    const [row] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as got`));
    if (!row?.got) return { ran: false } as const;
    return { ran: true, value: await work() } as const;
  });
}

/**
 * The retention policy: purges every dossier retention takes (retention-candidates.ts), in short
 * batches, and audits the run with its counts. The dry run (`apply: false`) only counts.
 */
export async function runRetention(database: Database, options: RetentionOptions): Promise<RetentionRunSummary> {
  const cutoff = retentionCutoff(options.days, options.now);
  const base = { apply: options.apply, days: options.days, cutoff, notes: 0 };
  const actor = options.actor ?? RETENTION_ACTOR;
  const db = database.db;
  if (!options.apply) {
    const counts = await countRetention(db, cutoff);
    await recordAudit(db, actor, { action: "retention.dry_run", details: { days: options.days, cutoff: cutoff.toISOString(), ...counts } });
    return { ...base, ...counts, ran: true };
  }

  const outcome = await withRetentionLock(database, async () => {
    if (options.stillDue && !(await options.stillDue())) return null;
    const totals = { dossiers: 0, processes: 0, zips: 0, notes: 0 };
    const batchSize = options.batchSize ?? 200;
    let cursor: Cursor | null = null;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const claimed = await claimRetentionBatch(tx, cutoff, cursor, batchSize);
        const purged = await purgeDossiers(
          tx,
          claimed.map((c) => c.dossierId),
          "retention",
        );
        return { claimed, purged };
      });
      forgetResultsLocally(batch.purged.processIds);
      totals.dossiers += batch.purged.dossiers;
      totals.processes += batch.purged.processes;
      totals.zips += batch.purged.zips;
      totals.notes += batch.purged.notes;
      if (batch.claimed.length < batchSize) break;
      cursor = batch.claimed.at(-1)!;
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
    const held = (await countRetention(db, cutoff)).held;
    await recordAudit(db, actor, { action: "retention.run", details: { days: options.days, cutoff: cutoff.toISOString(), ...totals, held } });
    return { ...totals, held };
  });
  if (!outcome.ran || !outcome.value) return { ...base, dossiers: 0, processes: 0, zips: 0, held: 0, ran: false };
  return { ...base, ...outcome.value, ran: true };
}

export interface LastRetentionRun {
  at: Date;
  details: Record<string, unknown>;
}

/** The newest applied run, from the audit log (its index on action and time makes this one row read). */
export async function getLastRetentionRun(database: Pick<Database, "db">): Promise<LastRetentionRun | null> {
  const [row] = await database.db
    .select({ at: auditLog.at, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.action, "retention.run"))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row ?? null;
}

const DAY_MS = 86_400_000;

/**
 * The daily sweep's pace: batches of 100 dossiers (about 500 processes, ~0.1 s each at a million processes) with
 * 40 ms between them, so that webhooks arriving meanwhile wait behind short statements (bench/retention.ts).
 */
export const SWEEP_PACE = { batchSize: 100, pauseMs: 40 } as const;

/**
 * The background sweep's daily run: does nothing unless a policy is set and the last run is a day old;
 * then one instance (the lock) runs it, checking again under the lock that no other instance just did.
 */
export async function runDailyRetention(
  database: Database,
  days: number | undefined,
  options: { now?: Date; batchSize?: number; pauseMs?: number } = {},
): Promise<RetentionRunSummary | null> {
  if (days === undefined) return null;
  const now = options.now ?? new Date();
  const due = async () => {
    const last = await getLastRetentionRun(database);
    return !last || now.getTime() - last.at.getTime() >= DAY_MS;
  };
  if (!(await due())) return null;
  const summary = await runRetention(database, {
    days,
    apply: true,
    now,
    batchSize: options.batchSize ?? SWEEP_PACE.batchSize,
    pauseMs: options.pauseMs ?? SWEEP_PACE.pauseMs,
    stillDue: due,
  });
  return summary.ran ? summary : null;
}
