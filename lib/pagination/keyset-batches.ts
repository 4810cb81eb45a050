import "server-only";
import { asc, desc, type AnyColumn } from "drizzle-orm";
import { planKeyset, type CursorPosition, type KeysetRead } from "./scoped-cursor";

/** An export's pace: big enough that a million rows take few round trips, small enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 2_000;

/**
 * Every row of a list ordered by (time, id), a batch at a time, by the same keyset plan the pages use: each
 * batch starts strictly after the last row of the one before, so none is repeated or skipped and every batch
 * costs the same however deep it is. `shouldStop` is asked before each query (an aborted download stops here).
 *
 * The batches are separate statements, not one snapshot: a row that changes while the export runs may move
 * past the position already read (an update in `updated.desc` order) and be left out, as it would from
 * paging through the list by hand. One long transaction would hold a connection (PGlite has only one) for
 * the whole download.
 *
 * `positionOf` gives a row's exact keyset position (`exactTimestamp` of the sort's time, and the id).
 */
export function readKeysetBatches<R>(
  view: KeysetView,
  read: (query: KeysetRead) => Promise<R[]>,
  positionOf: (row: R) => CursorPosition,
): AsyncGenerator<R[]> {
  // The rows as read, position and all: copying a million rows to drop one field cost more than the field.
  return readKeyset(view, read, (rows) => ({ rows: rows.length, last: rows.length > 0 ? positionOf(rows.at(-1)!) : null }));
}

export interface KeysetView {
  time: AnyColumn;
  id: AnyColumn;
  sort: string;
  batchSize?: number;
  shouldStop?: () => boolean;
}

/**
 * readKeysetBatches for a batch of any shape (an export's batch already written as CSV, say): `measure`
 * says how many rows it held and the position of its last.
 */
export async function* readKeyset<B>(
  view: KeysetView,
  read: (query: KeysetRead) => Promise<B>,
  measure: (batch: B) => { rows: number; last: CursorPosition | null },
): AsyncGenerator<B> {
  const order = view.sort.endsWith("asc") ? "asc" : "desc";
  const limit = view.batchSize ?? EXPORT_BATCH_SIZE;
  let after: CursorPosition | null = null;
  for (;;) {
    if (view.shouldStop?.()) return;
    const plan = planKeyset(view.time, view.id, order, after ? { ...after, direction: "next" } : null);
    const by = plan.descending ? desc : asc;
    const batch = await read({ where: plan.where, orderBy: [by(view.time), by(view.id)], limit });
    const { rows, last } = measure(batch);
    if (rows === 0 || !last) return;
    after = last;
    yield batch;
    if (rows < limit) return;
  }
}
