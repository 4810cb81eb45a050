import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossierErasures } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { countRetention, type RetentionCounts } from "./retention-candidates";
import { getLastRetentionRun, retentionCutoff, type LastRetentionRun } from "./run-retention";

export interface PendingDeletion {
  dossierId: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  erasedAt: Date | null;
}

export interface RetentionOverview {
  /** RETENTION_DAYS; null: everything is kept. */
  days: number | null;
  lastRun: LastRetentionRun | null;
  /** What the next run would take now; null without a policy. */
  next: (RetentionCounts & { cutoff: Date; dueAt: Date | null }) | null;
  pendingDeletions: { total: number; oldest: PendingDeletion[] };
}

/** The admin page's personal-data section: the policy, the last run, what the next takes, deletions pending at Assure. */
export async function getRetentionOverview(ctx: Ctx, database: Pick<Database, "db">, days: number | undefined): Promise<RetentionOverview> {
  requireCapability(ctx, "desk.admin");
  const pending = and(eq(dossierErasures.state, "erased"), isNull(dossierErasures.assureDeletedAt));
  const [lastRun, next, [total], oldest] = await Promise.all([
    getLastRetentionRun(database),
    days === undefined ? null : countRetention(ctx.db, retentionCutoff(days)),
    ctx.db.select({ n: count() }).from(dossierErasures).where(pending),
    ctx.db
      .select({
        dossierId: dossierErasures.dossierId,
        attempts: dossierErasures.assureAttempts,
        lastError: dossierErasures.assureLastError,
        nextAttemptAt: dossierErasures.assureNextAttemptAt,
        erasedAt: dossierErasures.erasedAt,
      })
      .from(dossierErasures)
      .where(pending)
      .orderBy(asc(dossierErasures.erasedAt))
      .limit(20),
  ]);
  return {
    days: days ?? null,
    lastRun,
    next: next && days !== undefined ? { ...next, cutoff: retentionCutoff(days), dueAt: lastRun ? new Date(lastRun.at.getTime() + 86_400_000) : null } : null,
    pendingDeletions: { total: total?.n ?? 0, oldest },
  };
}
