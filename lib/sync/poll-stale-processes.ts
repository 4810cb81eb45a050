import "server-only";
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processes } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { isAssureNotFound } from "../assure/errors";
import { refreshProcess } from "../processes/refresh-process";

export interface PollOptions {
  /** A process pending or processing for longer than this, and not read since, is read again. */
  olderThanSeconds?: number;
  limit?: number;
}

export interface PollSummary {
  polled: number;
  changed: number;
  failed: number;
  /** Assure no longer knows them (deleted, or past its retention): read again only after the threshold. */
  gone: number;
}

/**
 * Heals lost notifications: processes that stayed pending or processing too long are read from Assure.
 * A failure here is counted and left for the next round; the process simply stays as it was.
 */
export async function pollStaleProcesses(db: Db, assure: AssureClient, options: PollOptions = {}): Promise<PollSummary> {
  const olderThan = options.olderThanSeconds ?? 300;
  const stale = await db
    .select({ dossierId: processes.dossierId, processId: processes.processId, status: processes.status })
    .from(processes)
    .where(
      and(
        inArray(processes.status, ["pending", "processing"]),
        // An erased pending process stays a tombstone: asking Assure again would store nothing anyway.
        isNull(processes.purgedAt),
        lt(processes.updatedAt, sql`now() - make_interval(secs => ${olderThan})`),
        lt(processes.lastSyncedAt, sql`now() - make_interval(secs => ${olderThan})`),
      ),
    )
    .orderBy(asc(processes.lastSyncedAt))
    .limit(options.limit ?? 50);

  const summary: PollSummary = { polled: stale.length, changed: 0, failed: 0, gone: 0 };
  for (const row of stale) {
    try {
      const result = await refreshProcess(db, assure, row.dossierId, row.processId);
      if (result.status !== row.status) summary.changed += 1;
    } catch (error) {
      if (!isAssureNotFound(error)) {
        summary.failed += 1;
        continue;
      }
      // Without this the same vanished processes would fill every round.
      summary.gone += 1;
      await db.update(processes).set({ lastSyncedAt: sql`now()` }).where(eq(processes.processId, row.processId));
    }
  }
  return summary;
}
