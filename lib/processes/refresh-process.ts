import type { Db } from "../../db/client";
import type { AssureClient } from "../assure/client";
import { isFinalStatus } from "../assure/schemas";
import { postgresResultStore } from "../results/result-store";
import { upsertProcess, type UpsertProcessResult } from "./upsert-process";

/** Statuses for which Assure keeps a full-result zip (failed and canceled answer 404). */
const WITH_RESULT = new Set(["accepted", "rejected", "inconclusive"]);

export interface RefreshResult extends UpsertProcessResult {
  /** "stored" when this call downloaded the zip; "kept" when we had it; "none" when Assure has none. */
  result: "stored" | "kept" | "none" | "not-final";
}

/**
 * Reads one process from Assure and stores what Assure holds now: the process through the upsert verb
 * and, once it is final, the full-result zip. The webhook worker, the sync and the poller all call this.
 * Throws when Assure cannot be read, so that the caller retries; a repeat is harmless.
 */
export async function refreshProcess(db: Db, assure: AssureClient, dossierId: string, processId: string): Promise<RefreshResult> {
  const process = await assure.getProcess(dossierId, processId);
  const stored = await upsertProcess(db, { dossierId, process });
  if (!isFinalStatus(process.status)) return { ...stored, result: "not-final" };
  if (!WITH_RESULT.has(process.status)) return { ...stored, result: "none" };

  const results = postgresResultStore(db);
  if (await results.describe(processId)) return { ...stored, result: "kept" };
  const zip = await assure.downloadResult(dossierId, processId);
  if (!zip) return { ...stored, result: "none" };
  await results.put(processId, zip);
  return { ...stored, result: "stored" };
}
