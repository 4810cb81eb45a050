import "server-only";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossierErasures } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { AssureApiError } from "../assure/errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";

export type AssureDeletionOutcome = "deleted" | "already-gone" | "pending";

const SYSTEM: AuditActor = { id: null, email: "erasure", role: "system" };

/** First retry after 30 s, doubling to at most 6 hours: Assure may be down for a while. */
export function deletionBackoffMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** A claimed deletion is not tried by another instance for this long. */
const LEASE_MS = 5 * 60_000;

function describe(error: unknown): string {
  if (error instanceof AssureApiError) return `Assure answered ${error.status}: ${error.message}`.slice(0, 300);
  return (error instanceof Error ? `${error.name}: ${error.message}` : "unknown error").slice(0, 300);
}

/**
 * `DELETE /dossiers/{id}` at Assure for an erased dossier. 404 counts as done (already gone there). A
 * failure leaves the deletion pending with a back-off; `retryPendingDeletions` tries again until it is done.
 * The outcome is audited: done once, and the first failure (the rest show on the dossier and admin pages).
 */
export async function deleteDossierAtAssure(db: Db, assure: AssureClient, dossierId: string): Promise<AssureDeletionOutcome> {
  let outcome: AssureDeletionOutcome;
  let error: string | null = null;
  try {
    outcome = (await assure.deleteDossier(dossierId)) ? "deleted" : "already-gone";
  } catch (caught) {
    outcome = "pending";
    error = describe(caught);
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(dossierErasures)
      .set(
        outcome === "pending"
          ? {
              assureAttempts: sql`${dossierErasures.assureAttempts} + 1`,
              assureLastError: error,
              assureNextAttemptAt: sql`now() + make_interval(secs => (${deletionBackoffMs(1)}::float8 / 1000) * power(2, least(${dossierErasures.assureAttempts}, 9)))`,
            }
          : { assureAttempts: sql`${dossierErasures.assureAttempts} + 1`, assureDeletedAt: new Date(), assureLastError: null, assureNextAttemptAt: null },
      )
      .where(and(eq(dossierErasures.dossierId, dossierId), isNull(dossierErasures.assureDeletedAt)))
      .returning({ attempts: dossierErasures.assureAttempts });
    if (row && (outcome !== "pending" || row.attempts === 1)) {
      await recordAudit(tx, SYSTEM, {
        action: "dossier.erase_assure",
        dossierId,
        details: { outcome, attempts: row.attempts, ...(error ? { error } : {}) },
      });
    }
  });
  return outcome;
}

export interface PendingDeletionSummary {
  tried: number;
  done: number;
  pending: number;
}

/** The sweep's part: deletions at Assure that are due, claimed so that two instances never send one twice. */
export async function retryPendingDeletions(db: Db, assure: AssureClient, limit = 20): Promise<PendingDeletionSummary> {
  const due = db
    .select({ dossierId: dossierErasures.dossierId })
    .from(dossierErasures)
    .where(and(eq(dossierErasures.state, "erased"), isNull(dossierErasures.assureDeletedAt), lte(dossierErasures.assureNextAttemptAt, sql`now()`)))
    .orderBy(asc(dossierErasures.assureNextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(dossierErasures)
    .set({ assureNextAttemptAt: sql`now() + make_interval(secs => ${LEASE_MS / 1000})` })
    .where(inArray(dossierErasures.dossierId, due))
    .returning({ dossierId: dossierErasures.dossierId });
  const summary: PendingDeletionSummary = { tried: claimed.length, done: 0, pending: 0 };
  for (const { dossierId } of claimed) {
    const outcome = await deleteDossierAtAssure(db, assure, dossierId);
    summary[outcome === "pending" ? "pending" : "done"] += 1;
  }
  return summary;
}
