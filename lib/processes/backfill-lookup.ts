import "server-only";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { maintenanceJobs, processes, processResults } from "../../db/schema";
import { resultStore } from "../results/result-store";
import { fillLookupFromResult } from "./lookup-from-result";

/** The job's name in `maintenance_jobs`. */
export const LOOKUP_BACKFILL_JOB = "lookup-from-stored-results";

export interface BackfillProgress {
  examined: number;
  filled: number;
  finished: boolean;
}

/**
 * One-time back-fill of the look-up columns from zips stored before the result stage read them: walks
 * the processes that have a stored zip and no document type or nothing identifying, in process-id order, one batch per
 * call. The position is saved after each batch, so a restart resumes where it stopped; a repeat is
 * harmless (only empty columns are filled). The document type that SQL could derive from the stored JSON
 * was back-filled by the migration that created `maintenance_jobs` (drizzle/0007_review_desk_data_fixes.sql).
 */
export async function backfillLookupFromResults(db: Db, options: { batchSize?: number } = {}): Promise<BackfillProgress> {
  const batchSize = options.batchSize ?? 100;
  const [job] = await db.select().from(maintenanceJobs).where(eq(maintenanceJobs.name, LOOKUP_BACKFILL_JOB));
  if (job?.finishedAt) return { examined: 0, filled: 0, finished: true };

  // The same test as `needsReport`: no document type, or nothing identifying.
  const missing = or(
    isNull(processes.documentType),
    and(isNull(processes.firstName), isNull(processes.lastName), isNull(processes.documentNumber), isNull(processes.dateOfBirth)),
  );
  const batch = await db
    .select({ processId: processes.processId })
    .from(processes)
    .innerJoin(processResults, eq(processResults.processId, processes.processId))
    .where(and(gt(processes.processId, job?.cursor ?? ""), missing))
    .orderBy(asc(processes.processId))
    .limit(batchSize);

  const store = resultStore(db);
  let filled = 0;
  for (const { processId } of batch) {
    const zip = await store.get(processId);
    if (zip && (await fillLookupFromResult(db, processId, zip))) filled += 1;
  }
  const finished = batch.length < batchSize;
  const cursor = batch.at(-1)?.processId ?? job?.cursor ?? null;
  const finishedAt = finished ? new Date() : null;
  await db
    .insert(maintenanceJobs)
    .values({ name: LOOKUP_BACKFILL_JOB, cursor, finishedAt })
    .onConflictDoUpdate({ target: maintenanceJobs.name, set: { cursor, finishedAt, updatedAt: sql`now()` } });
  return { examined: batch.length, filled, finished };
}
