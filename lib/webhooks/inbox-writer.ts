import "server-only";
import type { Db } from "../../db/client";
import { webhookInbox } from "../../db/schema";
import { erasedAmong } from "../retention/erased-dossiers";

export type InboxInsert = Pick<typeof webhookInbox.$inferInsert, "dedupeKey" | "body" | "headers" | "dossierId" | "processId" | "hintedStatus">;

export interface InboxWriterOptions {
  /** Rows per INSERT at most. */
  maxBatch?: number;
  /** INSERTs in flight at once; more rows wait and go into the next batch. */
  maxInFlight?: number;
}

/** The new row's id; `duplicate` when the dedupe key was stored already; `erased` when its dossier is erased. */
export type InboxOutcome = number | "duplicate" | "erased";

interface Waiter {
  row: InboxInsert;
  resolve: (outcome: InboxOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Stores notifications in the inbox, several per INSERT when they arrive together. Each caller is answered
 * only once its row is committed, so a notification is still stored before it is acknowledged; under load,
 * one statement and one commit serve many requests instead of one each (measured in bench/webhooks.ts).
 * Notifications of erased dossiers are not stored (nothing brings an erased person back): one look-up per
 * batch, not one per request.
 */
export class InboxWriter {
  private queue: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Db,
    options: InboxWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.maxInFlight = options.maxInFlight ?? 4;
  }

  store(row: InboxInsert): Promise<InboxOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // One turn of the event loop lets the requests that arrived together join the same INSERT.
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
        void this.flush(this.queue.splice(0, this.maxBatch));
      }
    });
  }

  private async flush(batch: Waiter[]) {
    this.inFlight += 1;
    try {
      await this.insert(batch);
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      // One row the database refuses must not fail the others: try each on its own.
      else await Promise.all(batch.map((waiter) => this.insert([waiter]).catch((e: unknown) => waiter.reject(e))));
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }

  private async insert(batch: Waiter[]) {
    const erased = await erasedAmong(this.db, batch.flatMap((w) => (w.row.dossierId ? [w.row.dossierId] : [])));
    const kept = batch.filter((w) => !(w.row.dossierId && erased.has(w.row.dossierId)));
    // The same key twice in one batch: the first is stored, the others are duplicates.
    const first = new Map<string, Waiter>();
    for (const waiter of kept) if (!first.has(waiter.row.dedupeKey)) first.set(waiter.row.dedupeKey, waiter);
    const stored =
      first.size === 0
        ? []
        : await this.db
            .insert(webhookInbox)
            .values([...first.values()].map((w) => w.row))
            .onConflictDoNothing({ target: webhookInbox.dedupeKey })
            .returning({ id: webhookInbox.id, dedupeKey: webhookInbox.dedupeKey });
    const ids = new Map(stored.map((s) => [s.dedupeKey, s.id]));
    for (const waiter of batch) {
      if (!kept.includes(waiter)) waiter.resolve("erased");
      else waiter.resolve((first.get(waiter.row.dedupeKey) === waiter && ids.get(waiter.row.dedupeKey)) || "duplicate");
    }
  }
}

const writers = new WeakMap<Db, InboxWriter>();

/** One writer per database handle, so that every request of this process shares its batches. */
export function inboxWriterFor(db: Db): InboxWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new InboxWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
