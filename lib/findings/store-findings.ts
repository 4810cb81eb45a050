import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { processFindings } from "../../db/schema";
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
 * Replaces a process's findings with those of its reports: one delete by primary-key prefix and one
 * multi-row insert, in one transaction (a zip stored again replaces its findings whole). Returns how many
 * rows were written. A purged process's rows are kept as they are: findings are facts, and its zip is gone.
 */
export async function replaceFindings(db: Db | Tx, processId: string, reports: readonly OnfidoReport[]): Promise<number> {
  const rows = extractFindings(reports).map((finding) => ({ processId, ...finding }));
  await db.transaction(async (tx) => {
    await tx.delete(processFindings).where(eq(processFindings.processId, processId));
    if (rows.length > 0) await tx.insert(processFindings).values(rows);
  });
  return rows.length;
}
