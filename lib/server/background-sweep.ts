import type { Database } from "../../db/client";
import type { AssureClient } from "../assure/client";
import { pruneSignInThrottle } from "../auth/throttle";
import { backfillLookupFromResults } from "../processes/backfill-lookup";
import { retryPendingDeletions } from "../retention/delete-at-assure";
import { runDailyRetention } from "../retention/run-retention";
import { pollStaleProcesses } from "../sync/poll-stale-processes";
import type { InboxPump } from "../webhooks/inbox-pump";
import { releaseExpiredClaims } from "../webhooks/inbox-worker";
import { pruneInbox } from "../webhooks/prune-inbox";

export interface SweepOptions {
  intervalMs: number;
  /**
   * The pump of this process, whose lanes take the inbox's due rows. The sweep makes rows due (back-offs over,
   * claims of dead workers) and nudges it; it does not drain the inbox itself, so that rows are taken in the
   * lanes' order (statuses before zips) and by their cheap claims.
   */
  inbox: Pick<InboxPump, "nudge">;
  /** Done inbox rows older than this many days are deleted; 0 or absent keeps them. */
  inboxRetentionDays?: number;
  /** The personal-data retention policy (RETENTION_DAYS); unset keeps everything. */
  retentionDays?: number;
  log?: (line: string) => void;
}

/**
 * The periodic catch-up: inbox rows that no nudge started (a crash, a restart, a back-off that came due),
 * handed to the pump's lanes, and processes whose notification never came. Safe in every instance at once.
 * Returns a stop function.
 */
export function startBackgroundSweep(database: Database, assure: AssureClient, options: SweepOptions): () => Promise<void> {
  const log = options.log ?? (() => {});
  let running: Promise<void> | undefined;
  let stopped = false;
  let backfilled = false;

  const round = async () => {
    try {
      // One batch a round until the one-time back-fill is done, so that it never holds up the inbox.
      if (!backfilled) {
        const progress = await backfillLookupFromResults(database.db);
        backfilled = progress.finished;
        if (progress.filled > 0) log(`back-fill: look-up fields of ${progress.filled} processes read from their stored results`);
      }
      const released = await releaseExpiredClaims(database.db);
      if (released > 0) log(`sweep: inbox rows taken back from a worker that stopped while holding them: ${released}`);
      options.inbox.nudge("all");
      const polled = await pollStaleProcesses(database.db, assure);
      const pruned = options.inboxRetentionDays ? await pruneInbox(database.db, { retentionDays: options.inboxRetentionDays }) : 0;
      if (pruned > 0) log(`sweep: deleted ${pruned} done inbox rows older than ${options.inboxRetentionDays} days`);
      await pruneSignInThrottle(database.db);
      const deletions = await retryPendingDeletions(database.db, assure);
      if (deletions.tried > 0) log(`sweep: deletions at Assure ${deletions.done} done, ${deletions.pending} still pending`);
      // Once a day, by one instance (an advisory lock), in short batches.
      const retention = await runDailyRetention(database, options.retentionDays);
      if (retention) log(`sweep: retention purged ${retention.processes} processes in ${retention.dossiers} dossiers, ${retention.zips} zips`);
      if (polled.polled > 0) log(`sweep: polled ${polled.polled} processes, ${polled.changed} changed`);
    } catch (error) {
      log(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const timer = setInterval(() => {
    if (stopped || running) return;
    running = round().finally(() => {
      running = undefined;
    });
  }, options.intervalMs);
  timer.unref();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
