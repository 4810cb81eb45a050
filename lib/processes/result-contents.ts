import "server-only";
import { sql } from "drizzle-orm";
import { compileStatement, type CompiledStatement } from "../../db/compiled-statement";
import type { Db, Tx } from "../../db/client";
import { processes } from "../../db/schema";
import { rowsOf } from "../../db/rows-of";
import { findingsValues, findingsWrite, reportsOfZip, type FindingsMode, type FindingsValues, type OpenedResult } from "../findings/store-findings";
import { fillFromReports, lookupColumns, type KeyedLookupRow, type StoredZip } from "./lookup-from-result";

/** The findings written and the look-up columns read back, for any number of processes, in one statement. */
const findingsThenLookup = (mode: FindingsMode) =>
  compileStatement<FindingsValues>(sql`
    with ${findingsWrite(mode)}
    select ${lookupColumns} from ${processes} where ${processes.processId} = any(array(select process_id from targets))`);
const STATEMENTS: Record<FindingsMode, CompiledStatement<FindingsValues>> = { first: findingsThenLookup("first"), replace: findingsThenLookup("replace") };

/** A stored zip, and whether the process's findings are written for the first time (store-findings.ts). */
export interface StoredContents extends StoredZip {
  findings: FindingsMode;
}

/**
 * What the result stage keeps of stored zips' contents: their findings, and the look-up columns Assure's
 * process objects left empty (lookup-from-result.ts). One statement writes the findings of all and reads
 * their look-up columns (one round trip, one commit, however many zips: the webhook pump hands over the zips
 * stored in the same turn); only a row with gaps its report fills costs an update of its own. A zip the desk
 * refuses to open adds neither (the process page says why). Each process at most once (`findingsWrite`).
 */
export async function storeResultContentsOf(db: Db | Tx, stored: readonly StoredContents[]): Promise<void> {
  for (const mode of ["first", "replace"] as const) {
    const ofMode = stored.filter((s) => s.findings === mode);
    if (ofMode.length > 0) await storeContents(db, ofMode, STATEMENTS[mode]);
  }
}

async function storeContents(db: Db | Tx, stored: readonly StoredZip[], statement: CompiledStatement<FindingsValues>): Promise<void> {
  const opened: OpenedResult[] = [];
  for (const { processId, zip } of stored) {
    const reports = await reportsOfZip(zip);
    if (reports) opened.push({ processId, reports });
  }
  if (opened.length === 0) return;
  const rows = rowsOf<KeyedLookupRow>(await db.execute(statement.bind(findingsValues(opened).values)));
  const byId = new Map(rows.map((row) => [row.processId, row]));
  for (const { processId, reports } of opened) {
    const row = byId.get(processId);
    if (row) await fillFromReports(db, processId, row, () => Promise.resolve(reports));
  }
}

/** `storeResultContentsOf` for one zip. */
export async function storeResultContents(db: Db | Tx, processId: string, zip: Uint8Array, findings: FindingsMode = "replace"): Promise<void> {
  await storeResultContentsOf(db, [{ processId, zip, findings }]);
}
