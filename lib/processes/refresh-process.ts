import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processes } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { isFinalStatus } from "../assure/schemas";
import { postgresResultStore } from "../results/result-store";
import { upsertProcess, type UpsertProcessResult } from "./upsert-process";

/** Statuses for which Assure keeps a full-result zip (failed and canceled answer 404). */
const WITH_RESULT = new Set(["accepted", "rejected", "inconclusive"]);

export type ResultOutcome = "stored" | "kept" | "none";

export interface RefreshResult extends UpsertProcessResult {
  /** "stored" when this call downloaded the zip; "kept" when we had it; "none" when Assure has none. */
  result: ResultOutcome | "not-final";
}

export interface StatusRefresh extends UpsertProcessResult {
  /** The process is final with a full result, which `storeResult` fetches unless we hold it already. */
  hasResult: boolean;
  final: boolean;
}

/** Reads one process from Assure and stores it through the upsert verb; the zip is left to `storeResult`. */
export async function refreshStatus(db: Db, assure: AssureClient, dossierId: string, processId: string): Promise<StatusRefresh> {
  const process = await assure.getProcess(dossierId, processId);
  const stored = await upsertProcess(db, { dossierId, process });
  const final = isFinalStatus(process.status);
  return { ...stored, final, hasResult: final && WITH_RESULT.has(process.status) };
}

async function isPurged(db: Db, processId: string): Promise<boolean> {
  const [row] = await db.select({ purgedAt: processes.purgedAt }).from(processes).where(eq(processes.processId, processId));
  return row?.purgedAt != null;
}

/**
 * Downloads and stores the full-result zip of a final process, unless it is stored already. Signicat
 * deletes its copy after a retention period: a 404 then is "none", not an error.
 */
export async function storeResult(db: Db, assure: AssureClient, dossierId: string, processId: string): Promise<ResultOutcome> {
  const results = postgresResultStore(db);
  if (await results.describe(processId)) return "kept";
  // A purged or erased process gets no zip again (a trigger refuses it too; this saves the download).
  if (await isPurged(db, processId)) return "none";
  const zip = await assure.downloadResult(dossierId, processId);
  if (!zip) return "none";
  await results.put(processId, zip);
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
