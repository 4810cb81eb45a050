import "server-only";
import { sql } from "drizzle-orm";
import { compileStatement } from "../../db/compiled-statement";
import type { Db, Tx } from "../../db/client";
import { processes, processFindings } from "../../db/schema";
import type { OnfidoReport } from "../onfido/report-schemas";
import { isResultError } from "../results/result-errors";
import { DEFAULT_RESULT_LIMITS } from "../results/result-limits";
import { unpackResult } from "../results/unpack-result";
import { extractFindings, type Finding } from "./extract-findings";

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
 * How a findings write treats the rows a process has already. `first`: the zip was not held until now, so the
 * process has none (a held zip is only ever removed with its process's personal data, and a tombstone gets no
 * zip again); the rows are upserted and nothing is deleted. `replace`: a zip stored again (a sync's download,
 * the back-fill): the process's rows that the new reports no longer have are deleted too.
 *
 * The result stage writes `first`, and that is what keeps it off the table's plan: a delete of "these
 * processes' other rows" is planned by statistics, and PostgreSQL planned it as a whole-table read while
 * `process_findings` was young and kept that plan in each connection until an ANALYZE (5,613 whole-table
 * reads in bench/webhooks.ts's 30,000 notifications on a server without autovacuum). The upsert finds a
 * conflict through the primary key whatever the statistics say.
 */
export type FindingsMode = "first" | "replace";

/**
 * The findings write as the common table expressions of a statement, for any number of processes and their
 * findings: the ids (placeholder `ids`, a JSON array) and the rows (`rows`, one JSON array, each row with its
 * `process_id`) travel as two parameters, so the text is the same for every call and drizzle builds it once (a
 * multi-row VALUES list was built anew per zip, the result stage's costliest statement to build: bench/pump.ts).
 * `targets` reads the processes once (their creation time goes on each row); with `replace`, `stale` deletes
 * their other rows; `written` upserts the new ones; a statement may go on to read what it needs
 * (lib/processes/result-contents.ts). A process given twice is refused by PostgreSQL (an upsert may not touch
 * a row twice): the caller gives each once (lib/batching/batcher.ts runs such a batch again item by item).
 */
export function findingsWrite(mode: FindingsMode) {
  const stale =
    mode === "replace"
      ? sql`
  stale as (
    delete from ${processFindings} as old
     where old.process_id = any(array(select process_id from targets))
       and not exists (select 1 from incoming where incoming.process_id = old.process_id and incoming.path = old.path)
  ),`
      : sql``;
  return sql`
  incoming as (
    select * from json_to_recordset(${sql.placeholder("rows")}::json)
      as f(process_id text, path text, report text, depth smallint, result text, properties jsonb, score double precision)
  ),
  targets as (
    select process_id, created_at from ${processes}
     where process_id = any(array(select jsonb_array_elements_text(${sql.placeholder("ids")}::jsonb)))
  ),${stale}
  written as (
    insert into ${processFindings} (process_id, path, report, depth, result, properties, score, process_created_at)
    select incoming.process_id, path, report, depth, result, properties, score, targets.created_at
      from incoming join targets using (process_id)
    on conflict (process_id, path) do update set
      report = excluded.report, depth = excluded.depth, result = excluded.result, properties = excluded.properties,
      score = excluded.score, extracted_at = excluded.extracted_at
  )`;
}

export type FindingsValues = { ids: string; rows: string };

/** A process and the reports of its zip. */
export interface OpenedResult {
  processId: string;
  reports: readonly OnfidoReport[];
}

/** The values of `findingsWrite` for processes' reports, and how many rows each gets. */
export function findingsValues(results: readonly OpenedResult[]): { values: FindingsValues; counts: number[] } {
  const rows: (Finding & { process_id: string })[] = [];
  const counts = results.map(({ processId, reports }) => {
    const found = extractFindings(reports);
    for (const finding of found) rows.push({ process_id: processId, ...finding });
    return found.length;
  });
  return { values: { ids: JSON.stringify(results.map((r) => r.processId)), rows: JSON.stringify(rows) }, counts };
}

const replaceStatement = compileStatement<FindingsValues>(sql`with ${findingsWrite("replace")} select 1`);

/**
 * Replaces a process's findings with those of its reports in one statement (one round trip, atomic): the
 * rows upserted by primary key, and the process's other rows (checks that found nothing this time) deleted.
 * The two parts touch disjoint rows, so the order in which PostgreSQL runs them does not matter. Each row
 * carries the process's creation time (read once by the statement). Returns how many rows were written. A
 * purged process's rows are kept as they are: findings are facts, and its zip is gone.
 */
export async function replaceFindings(db: Db | Tx, processId: string, reports: readonly OnfidoReport[]): Promise<number> {
  const { values, counts } = findingsValues([{ processId, reports }]);
  await db.execute(replaceStatement.bind(values));
  return counts[0]!;
}
