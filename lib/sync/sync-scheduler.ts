import type { Db } from "../../db/client";
import type { AssureClient } from "../assure/client";
import { Conflict } from "../errors";
import { continueFullSync, type FullSyncOptions } from "./full-sync";
import { createSyncRun, latestSyncStart } from "./sync-runs";

export interface SyncSchedulerOptions extends Omit<FullSyncOptions, "signal"> {
  /** Start a run when the last one started longer ago than this; unset: only admins start runs. */
  intervalMinutes?: number;
  /** How often to look for a run to take (new, given back, stale) or to start. */
  checkEveryMs?: number;
}

/**
 * One look: take a run that needs a worker, or start a scheduled one when it is time, and work on it.
 * Safe in every instance at once: the running-run index and the lease let one worker have the run.
 */
export async function tickFullSync(db: Db, assure: AssureClient, options: SyncSchedulerOptions & { signal?: AbortSignal } = {}) {
  const resumed = await continueFullSync(db, assure, options);
  if (resumed || !options.intervalMinutes) return resumed;
  const last = await latestSyncStart(db);
  if (last && Date.now() - last.getTime() < options.intervalMinutes * 60_000) return null;
  try {
    await createSyncRun(db, { trigger: "schedule" });
  } catch (error) {
    if (error instanceof Conflict) return null; // another instance started it
    throw error;
  }
  return continueFullSync(db, assure, options);
}

/** Looks every `checkEveryMs` (default 30 s); returns a stop function that gives a run in progress back. */
export function startSyncScheduler(db: Db, assure: AssureClient, options: SyncSchedulerOptions = {}): () => Promise<void> {
  const log = options.log ?? (() => {});
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running || controller.signal.aborted) return;
    running = tickFullSync(db, assure, { ...options, signal: controller.signal })
      .then((summary) => {
        if (summary) log(`full sync ${summary.runId}: ${summary.outcome} after ${summary.dossiers} dossiers`);
      })
      .catch((error: unknown) => log(`full sync failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
      });
  }, options.checkEveryMs ?? 30_000);
  timer.unref();
  return async () => {
    controller.abort();
    clearInterval(timer);
    await running;
  };
}
