import "server-only";
import { and, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { anyOf } from "../../db/any-of";
import type { Tx } from "../../db/client";
import { PERSONAL_PROCESS_COLUMNS, TOMBSTONE_RAW_KEYS } from "../../db/personal-data";
import { dossierNotes, processes, processRetries, reviewDecisions, webhookInbox } from "../../db/schema";
import { deleteResults } from "../results/result-store";
import { announceForgottenResults } from "../results/forget-results";

export type PurgeReason = "retention" | "erasure";

export interface PurgeCounts {
  dossiers: number;
  processes: number;
  zips: number;
  notes: number;
}

export interface PurgeOutcome extends PurgeCounts {
  /** For the caller to forget from this instance's cache once the transaction has committed. */
  processIds: string[];
}

const rawKeys = sql.raw(TOMBSTONE_RAW_KEYS.map((key) => `'${key}'`).join(", "));

/**
 * What `raw` becomes: the documented, non-personal keys of the process object, and the fail reason's type
 * (its message may quote the document), read from the row being updated.
 */
const tombstoneRaw = sql`(
  select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(${processes.raw}) e where e.key in (${rawKeys})
) || case when ${processes.failReasonType} is null then '{}'::jsonb
          else jsonb_build_object('failReason', jsonb_build_object('type', ${processes.failReasonType})) end`;

const clearedColumns = Object.fromEntries(PERSONAL_PROCESS_COLUMNS.map((column) => [column, null])) as Record<
  (typeof PERSONAL_PROCESS_COLUMNS)[number],
  null
>;

/**
 * Purge = personal data out, facts kept. For every process of these dossiers not purged yet: the look-up
 * columns and the JSON columns are cleared, `raw` becomes a tombstone, the zip is deleted; the dossiers'
 * notes, the review decisions' free-text notes, the retries' parameters and the processes' inbox rows go
 * too. Statuses, timestamps, decisions (outcome, category, officer, time) and retry links stay, so counts,
 * the overview and the audit trail are whole. Runs inside the caller's transaction; every instance's cache
 * hears of it at commit.
 */
export async function purgeDossiers(tx: Tx, dossierIds: readonly string[], reason: PurgeReason): Promise<PurgeOutcome> {
  const empty: PurgeOutcome = { dossiers: 0, processes: 0, zips: 0, notes: 0, processIds: [] };
  if (dossierIds.length === 0) return empty;
  const ids = [...dossierIds];

  const purged = await tx
    .update(processes)
    .set({ ...clearedColumns, raw: tombstoneRaw as unknown as Record<string, unknown>, purgedAt: sql`now()` as unknown as Date, purgeReason: reason })
    .where(and(anyOf(processes.dossierId, ids), isNull(processes.purgedAt)))
    .returning({ processId: processes.processId });
  const processIds = purged.map((row) => row.processId);

  const notes = await tx.delete(dossierNotes).where(anyOf(dossierNotes.dossierId, ids)).returning({ id: dossierNotes.id });
  if (processIds.length === 0) return { ...empty, dossiers: ids.length, notes: notes.length };

  const zips = await deleteResults(tx, processIds);
  await tx
    .update(reviewDecisions)
    .set({ note: "" })
    .where(and(anyOf(reviewDecisions.processId, processIds), ne(reviewDecisions.note, "")));
  const retriesOf: SQL = or(anyOf(processRetries.originalProcessId, processIds), anyOf(processRetries.newProcessId, processIds))!;
  await tx.update(processRetries).set({ parameters: {}, lastError: null }).where(retriesOf);
  await tx.delete(webhookInbox).where(anyOf(webhookInbox.processId, processIds));
  await announceForgottenResults(tx, processIds);

  return { dossiers: ids.length, processes: processIds.length, zips, notes: notes.length, processIds };
}
