import "server-only";
import { sql } from "drizzle-orm";
import { compileStatement } from "../../db/compiled-statement";
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
 * The findings write as the common table expressions of a statement, for any number of findings: the rows
 * travel as one JSON array (placeholder `rows`, with `processId`), so the text is the same for every call and
 * drizzle builds it once (a multi-row VALUES list of ~5 rows × 9 columns was built anew per zip, the result
 * stage's costliest statement to build: bench/pump.ts). `stale` deletes the process's other rows, `written`
 * upserts the new ones; a statement may go on to read what it needs (lookup-from-result.ts).
 */
export const findingsWrite = sql`
  incoming as (
    select * from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb)
      as f(path text, report text, depth smallint, result text, properties jsonb, score double precision)
  ),
  stale as (
    delete from ${processFindings} as old
     where old.process_id = ${sql.placeholder("processId")}
       and not exists (select 1 from incoming where incoming.path = old.path)
  ),
  written as (
    insert into ${processFindings} (process_id, path, report, depth, result, properties, score, process_created_at)
    select ${sql.placeholder("processId")}, path, report, depth, result, properties, score,
           (select ${processes.createdAt} from ${processes} where ${processes.processId} = ${sql.placeholder("processId")})
      from incoming
    on conflict (process_id, path) do update set
      report = excluded.report, depth = excluded.depth, result = excluded.result, properties = excluded.properties,
      score = excluded.score, extracted_at = excluded.extracted_at
  )`;

export type FindingsValues = { processId: string; rows: string };

/** The values of `findingsWrite` for a process's reports, and how many rows they are. */
export function findingsValues(processId: string, reports: readonly OnfidoReport[]): { values: FindingsValues; count: number } {
  const rows = extractFindings(reports);
  return { values: { processId, rows: JSON.stringify(rows) }, count: rows.length };
}

const replaceStatement = compileStatement<FindingsValues>(sql`with ${findingsWrite} select 1`);

/**
 * Replaces a process's findings with those of its reports in one statement (one round trip, atomic): the
 * rows upserted by primary key, and the process's other rows (checks that found nothing this time) deleted.
 * The two parts touch disjoint rows, so the order in which PostgreSQL runs them does not matter. Each row
 * carries the process's creation time (read once by the statement). Returns how many rows were written. A
 * purged process's rows are kept as they are: findings are facts, and its zip is gone.
 */
export async function replaceFindings(db: Db | Tx, processId: string, reports: readonly OnfidoReport[]): Promise<number> {
  const { values, count } = findingsValues(processId, reports);
  await db.execute(replaceStatement.bind(values));
  return count;
}
