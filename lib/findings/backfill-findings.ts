import "server-only";
import { and, asc, eq, gt, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { maintenanceJobs, processFindings, processResults } from "../../db/schema";
import { resultStore } from "../results/result-store";
import { replaceFindings, reportsOfZip } from "./store-findings";

/** The job's name in `maintenance_jobs`: where the back-fill got to, so that a second run resumes. */
export const FINDINGS_BACKFILL_JOB = "findings-from-stored-results";

export interface FindingsBackfillProgress {
  /** Stored results looked at in this batch. */
  examined: number;
  /** Of those, how many now have findings (a zip with no Onfido report gives none). */
  filled: number;
  /** Refused or damaged zips, left as they are (the process page says why). */
  unreadable: number;
  finished: boolean;
}

/**
 * One batch of the back-fill of findings from zips stored before the result stage wrote them: the stored
 * results without findings after the saved position, in process-id order. The position is saved after
 * each batch; a repeat is harmless (findings are replaced whole).
 */
export async function backfillFindings(db: Db, options: { batchSize?: number } = {}): Promise<FindingsBackfillProgress> {
  const batchSize = options.batchSize ?? 100;
  const [job] = await db.select().from(maintenanceJobs).where(eq(maintenanceJobs.name, FINDINGS_BACKFILL_JOB));
  const batch = await db
    .select({ processId: processResults.processId })
    .from(processResults)
    .where(
      and(
        gt(processResults.processId, job?.finishedAt ? "" : (job?.cursor ?? "")),
        notExists(db.select({ one: sql`1` }).from(processFindings).where(eq(processFindings.processId, processResults.processId))),
      ),
    )
    .orderBy(asc(processResults.processId))
    .limit(batchSize);

  const store = resultStore(db);
  let filled = 0;
  let unreadable = 0;
  for (const { processId } of batch) {
    let zip: Uint8Array | null;
    try {
      zip = await store.get(processId);
    } catch {
      // A damaged file is named on the process page; the back-fill moves on.
      unreadable += 1;
      continue;
    }
    const reports = zip ? await reportsOfZip(zip) : null;
    if (!reports) {
      unreadable += zip ? 1 : 0;
      continue;
    }
    if ((await replaceFindings(db, processId, reports)) > 0) filled += 1;
  }
  const finished = batch.length < batchSize;
  const cursor = finished ? null : (batch.at(-1)?.processId ?? null);
  const finishedAt = finished ? new Date() : null;
  await db
    .insert(maintenanceJobs)
    .values({ name: FINDINGS_BACKFILL_JOB, cursor, finishedAt })
    .onConflictDoUpdate({ target: maintenanceJobs.name, set: { cursor, finishedAt, updatedAt: sql`now()` } });
  return { examined: batch.length, filled, unreadable, finished };
}
