import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookInbox } from "../../db/schema";

export interface PruneOptions {
  /** Done rows received longer ago than this are deleted. */
  retentionDays: number;
  /** Rows per DELETE: short statements, so that the inbox's writers never wait long on one. */
  batchSize?: number;
  /** DELETEs per call; the next sweep goes on where this one stopped. */
  maxBatches?: number;
}

/**
 * Deletes done inbox rows past the retention period, a batch at a time. At a few hundred notifications a
 * second the inbox grows by tens of millions of rows a day; what a done row holds is in `processes` by
 * then. Rows that are not done (received, processing, failed, dead) are never deleted. A notification
 * repeated after its row is gone is stored and processed again, which is harmless: processing is a fetch
 * of the truth from Assure.
 */
export async function pruneInbox(db: Db, options: PruneOptions): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? 20;
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    // webhook_inbox_state_idx (state, received_at) finds the oldest done rows without a scan.
    const rows = await db.execute<{ id: number }>(sql`
      delete from ${webhookInbox} where ${webhookInbox.id} in (
        select ${webhookInbox.id} from ${webhookInbox}
        where ${webhookInbox.state} = 'done'
          and ${webhookInbox.receivedAt} < now() - make_interval(days => ${options.retentionDays})
        order by ${webhookInbox.state}, ${webhookInbox.receivedAt}
        limit ${batchSize}
        for update skip locked
      )
      returning ${webhookInbox.id}`);
    const count = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).length;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
