import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { processes, processFindings } from "../../db/schema";
import type { OnfidoReport } from "../onfido/report-schemas";
import { isResultError } from "../results/result-errors";
import { DEFAULT_RESULT_LIMITS } from "../results/result-limits";
import { unpackResult } from "../results/unpack-result";
import { extractFindings } from "./extract-findings";

/**
 * The Onfido reports of a zip; null when the desk refuses to open it (the process page says why). Pictures
 * and videos are left compressed: inflating them would cost the result stage more than the rest of its work.
 */
export async function reportsOfZip(zip: Uint8Array): Promise<OnfidoReport[] | null> {
  try {
    return (await unpackResult(zip, DEFAULT_RESULT_LIMITS, { reportsOnly: true })).reports.map((r) => r.report);
  } catch (error) {
    if (isResultError(error)) return null;
    throw error;
  }
}

/**
 * Replaces a process's findings with those of its reports in one statement (one round trip, atomic): the
 * rows upserted by primary key, and the process's other rows (checks that found nothing this time) deleted.
 * The two parts touch disjoint rows, so the order in which PostgreSQL runs them does not matter. Returns how
 * many rows were written. A purged process's rows are kept as they are: findings are facts, and its zip is gone.
 */
export async function replaceFindings(db: Db | Tx, processId: string, reports: readonly OnfidoReport[]): Promise<number> {
  const createdAt = sql`(select ${processes.createdAt} from ${processes} where ${processes.processId} = ${processId})`;
  const rows = extractFindings(reports).map((finding) => ({ processId, ...finding, processCreatedAt: createdAt }));
  const paths = rows.map((row) => row.path);
  const stale = db
    .delete(processFindings)
    .where(and(eq(processFindings.processId, processId), paths.length > 0 ? notInArray(processFindings.path, paths) : undefined));
  if (rows.length === 0) {
    await stale;
    return 0;
  }
  const upsert = db
    .insert(processFindings)
    .values(rows)
    .onConflictDoUpdate({
      target: [processFindings.processId, processFindings.path],
      set: {
        report: sql`excluded.report`,
        depth: sql`excluded.depth`,
        result: sql`excluded.result`,
        properties: sql`excluded.properties`,
        score: sql`excluded.score`,
        extractedAt: sql`excluded.extracted_at`,
      },
    });
  await db.execute(sql`with stale as (${stale.getSQL()}) ${upsert.getSQL()}`);
  return rows.length;
}
