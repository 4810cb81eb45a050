import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { compileStatement } from "../../db/compiled-statement";
import { rowsOf } from "../../db/rows-of";
import { createBatcher } from "../batching/batcher";
import { dossierErasures, webhookInbox } from "../../db/schema";

export type InboxInsert = Pick<typeof webhookInbox.$inferInsert, "dedupeKey" | "body" | "headers" | "dossierId" | "processId" | "hintedStatus">;

export interface InboxWriterOptions {
  /** Rows per INSERT at most. */
  maxBatch?: number;
  /** INSERTs in flight at once; more rows wait and go into the next batch. */
  maxInFlight?: number;
}

/** The new row's id; `duplicate` when the dedupe key was stored already; `erased` when its dossier is erased. */
export type InboxOutcome = number | "duplicate" | "erased";

/**
 * Stores notifications in the inbox, several per INSERT when they arrive together (lib/batching/batcher.ts).
 * Each caller is answered only once its row is committed, so a notification is still stored before it is
 * acknowledged; under load, one statement and one commit serve many requests instead of one each (measured
 * in bench/webhooks.ts). Notifications of erased dossiers are not stored (nothing brings an erased person
 * back), checked by the same statement.
 */
export class InboxWriter {
  readonly store: (row: InboxInsert) => Promise<InboxOutcome>;

  constructor(
    private readonly db: Db,
    options: InboxWriterOptions = {},
  ) {
    this.store = createBatcher((rows: InboxInsert[]) => this.insert(rows), { maxBatch: options.maxBatch ?? 200, maxInFlight: options.maxInFlight ?? 4 });
  }

  private async insert(batch: InboxInsert[]): Promise<InboxOutcome[]> {
    // The same key twice in one batch: the first is stored, the others are duplicates.
    const first = new Map<string, InboxInsert>();
    for (const row of batch) if (!first.has(row.dedupeKey)) first.set(row.dedupeKey, row);
    const rows = [...first.values()].map((row) => ({
      dedupe_key: row.dedupeKey,
      body: row.body,
      headers: row.headers,
      dossier_id: row.dossierId,
      process_id: row.processId,
      hinted_status: row.hintedStatus ?? null,
    }));
    const answered = rowsOf<{ id: number | string | null; key: string; erased: boolean }>(
      await this.db.execute(storeBatch.bind({ rows: JSON.stringify(rows) })),
    );
    const erased = new Set(answered.filter((r) => r.erased).map((r) => r.key));
    const ids = new Map(answered.filter((r) => !r.erased).map((r) => [r.key, Number(r.id)]));
    return batch.map((row) => {
      if (erased.has(row.dossierId)) return "erased";
      return (first.get(row.dedupeKey) === row && ids.get(row.dedupeKey)) || "duplicate";
    });
  }
}

/**
 * A batch in one statement, one round trip and one commit: rows of erased dossiers are left out and their
 * dossiers named back (`erased`), the others inserted unless their dedupe key is stored already (their
 * ids named back). The rows travel as one JSON array, so the text is the same for every batch and drizzle
 * builds it once. Before, the erased look-up was a statement of its own in front of every INSERT.
 */
const storeBatch = compileStatement<{ rows: string }>(sql`
  with incoming as (
    select * from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb)
      as r(dedupe_key text, body jsonb, headers jsonb, dossier_id text, process_id text, hinted_status text)
  ),
  erased as (
    select ${dossierErasures.dossierId} as dossier_id from ${dossierErasures}
     where ${dossierErasures.state} = 'erased' and ${dossierErasures.dossierId} in (select dossier_id from incoming)
  ),
  stored as (
    insert into ${webhookInbox} (dedupe_key, body, headers, dossier_id, process_id, hinted_status)
    select dedupe_key, body, headers, dossier_id, process_id, hinted_status from incoming
     where dossier_id not in (select dossier_id from erased)
    on conflict (dedupe_key) do nothing
    returning id, dedupe_key
  )
  select id, dedupe_key as "key", false as erased from stored
  union all
  select null, dossier_id, true from erased`);

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
