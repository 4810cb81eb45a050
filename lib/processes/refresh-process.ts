import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processes, processResultRefusals, processResults } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { AssureBodyTooLargeError } from "../assure/errors";
import { isFinalStatus } from "../assure/schemas";
import { clearResultRefusal, recordResultRefusal } from "../results/result-refusals";
import { DEFAULT_RESULT_LIMITS } from "../results/result-limits";
import { resultStore } from "../results/result-store";
import { storeResultContentsOf, type StoredContents } from "./result-contents";
import { upsertProcess, type UpsertProcessInput, type UpsertProcessResult } from "./upsert-process";

/** Statuses for which Assure keeps a full-result zip (failed and canceled answer 404). */
const WITH_RESULT = new Set(["accepted", "rejected", "inconclusive"]);

/** "too-large": Assure's zip is longer than the desk opens; nothing was stored and the process page says so. */
export type ResultOutcome = "stored" | "kept" | "none" | "too-large";

export interface RefreshResult extends UpsertProcessResult {
  /** "stored" when this call downloaded the zip; "kept" when we had it; "none" when Assure has none. */
  result: ResultOutcome | "not-final";
}

export interface StatusRefresh extends UpsertProcessResult {
  /** The process is final with a full result, which `storeResult` fetches unless we hold it already. */
  hasResult: boolean;
  final: boolean;
}

/**
 * What the result stage keeps of a zip it stored (findings, look-up columns: result-contents.ts), alone or
 * batched with others (the webhook pump).
 */
export type ContentsWriter = (stored: StoredContents) => Promise<void>;

/** How a process object read from Assure is stored: the upsert verb, alone or batched with others (the webhook pump). */
export type ProcessWriter = (input: UpsertProcessInput) => Promise<UpsertProcessResult>;

/** Reads one process from Assure and stores it through the upsert verb; the zip is left to `storeResult`. */
export async function refreshStatus(
  db: Db,
  assure: AssureClient,
  dossierId: string,
  processId: string,
  write: ProcessWriter = (input) => upsertProcess(db, input),
): Promise<StatusRefresh> {
  const process = await assure.getProcess(dossierId, processId);
  const stored = await write({ dossierId, process });
  const final = isFinalStatus(process.status);
  return { ...stored, final, hasResult: final && WITH_RESULT.has(process.status) };
}

/**
 * Whether the process is a tombstone, whether its zip is stored, and whether an earlier download was refused
 * as too large (a stored zip clears that): one query for all three.
 */
async function resultState(db: Db, processId: string): Promise<{ purged: boolean; stored: boolean; refused: boolean }> {
  const [row] = await db
    .select({
      purgedAt: processes.purgedAt,
      // Named by the id given: drizzle writes columns unqualified here, and `process_id = process_id` inside
      // the subquery would be any stored zip at all.
      stored: sql<boolean>`exists (select 1 from ${processResults} where ${processResults.processId} = ${processId})`,
      refused: sql<boolean>`exists (select 1 from ${processResultRefusals} where ${processResultRefusals.processId} = ${processId})`,
    })
    .from(processes)
    .where(eq(processes.processId, processId));
  return { purged: row?.purgedAt != null, stored: row?.stored === true, refused: row?.refused === true };
}

/**
 * Downloads and stores the full-result zip of a final process, unless it is stored already. Signicat
 * deletes its copy after a retention period: a 404 then is "none", not an error.
 */
export async function storeResult(db: Db, assure: AssureClient, dossierId: string, processId: string, contents?: ContentsWriter): Promise<ResultOutcome> {
  const state = await resultState(db, processId);
  if (state.stored) return "kept";
  if (state.purged) return "none";
  return fetchAndStore(db, assure, dossierId, processId, state, contents);
}

/**
 * Downloads the zip and stores it, held or not. A purged or erased process gets no zip again, whoever asks
 * (the webhook, a sync, a poll): this saves the download, and the store refuses a tombstone's zip if the
 * purge comes while it downloads.
 */
export async function downloadResult(db: Db, assure: AssureClient, dossierId: string, processId: string): Promise<ResultOutcome> {
  const state = await resultState(db, processId);
  if (state.purged) return "none";
  return fetchAndStore(db, assure, dossierId, processId, state);
}

/**
 * The download stops at the size the desk opens (a longer answer is never held in memory whole): nothing
 * is stored, the refusal is recorded for the process page, and the step is done, since the same download
 * would be refused again.
 */
async function fetchAndStore(
  db: Db,
  assure: AssureClient,
  dossierId: string,
  processId: string,
  state: { stored: boolean; refused: boolean },
  contents: ContentsWriter = (stored) => storeResultContentsOf(db, [stored]),
): Promise<ResultOutcome> {
  let zip: Uint8Array | null;
  try {
    zip = await assure.downloadResult(dossierId, processId, { maxBytes: DEFAULT_RESULT_LIMITS.maxZipBytes });
  } catch (error) {
    if (!(error instanceof AssureBodyTooLargeError)) throw error;
    await recordResultRefusal(db, processId, { limitBytes: error.limitBytes, declaredBytes: error.declaredBytes });
    return "too-large";
  }
  if (!zip) return "none";
  if (!(await resultStore(db).put(processId, zip))) return "none";
  // A zip held already is replaced, and its findings with it; a first zip's findings are the first (store-findings.ts).
  await contents({ processId, zip, findings: state.stored ? "replace" : "first" });
  // Nearly always there is none to clear: the statement is saved (a refusal recorded meanwhile is for a
  // zip too large to store, so it cannot have come from this download).
  if (state.refused) await clearResultRefusal(db, processId);
  return "stored";
}

/**
 * Reads one process from Assure and stores what Assure holds now: the process through the upsert verb
 * and, once it is final, the full-result zip. The sync, the poller and the sweep call this; the webhook
 * pump takes the two steps apart (lib/webhooks/inbox-worker.ts). Throws when Assure cannot be read, so
 * that the caller retries; a repeat is harmless.
 */
export async function refreshProcess(db: Db, assure: AssureClient, dossierId: string, processId: string): Promise<RefreshResult> {
  const { final, hasResult, ...stored } = await refreshStatus(db, assure, dossierId, processId);
  if (!final) return { ...stored, result: "not-final" };
  if (!hasResult) return { ...stored, result: "none" };
  return { ...stored, result: await storeResult(db, assure, dossierId, processId) };
}
