import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/**
 * Identity links as ingest pays for them: the server time of the processes' link trigger
 * (`identity_links_on_write`, drizzle/0014 and 0018) while a process is stored, read from the
 * transaction's own function statistics (`pg_stat_get_xact_function_total_time`, `track_functions = pl`,
 * which needs a superuser, as the local bench server is). Neither the round trip nor the commit's WAL
 * flush is counted: the ingest's own write pays those whether links are kept or not. Each measurement
 * runs in a transaction that is rolled back, so that repeated runs measure the same database.
 *
 * The stored process is a copy of a sample process (its look-up columns) in a new dossier: the same
 * person in another account, linked at least to the sample and to whatever the sample is linked to.
 */

/** How the look-up columns arrive: with the process (`insert`), or later, from the result stage (`update`). */
export type IngestShape = "insert" | "update";

const TRIGGER_FUNCTION = "identity_links_on_write";

class RolledBack extends Error {
  constructor(readonly ms: number) {
    super("rolled back");
  }
}

async function triggerTime(tx: Db): Promise<number> {
  const result = await tx.execute<{ ms: number | null }>(
    sql`select pg_stat_get_xact_function_total_time(${TRIGGER_FUNCTION}::regproc) as ms`,
  );
  // postgres.js answers an array of rows (the bench runs on PostgreSQL).
  const [row] = result as unknown as { ms: number | null }[];
  return Number(row?.ms ?? 0);
}

/** Stores a copy of `sampleId` as `shape` says, inside `tx`, and answers the link trigger's time in ms. */
async function storeCopy(tx: Db, sampleId: string, shape: IngestShape): Promise<number> {
  const processId = `bench-${randomUUID()}`;
  const dossierId = `bench-${randomUUID()}`;
  await tx.execute(sql`set local track_functions = 'pl'`);
  await tx.execute(sql`insert into dossiers (dossier_id, first_seen_at, last_synced_at, last_activity_at) values (${dossierId}, now(), now(), now())`);
  const before = await triggerTime(tx);
  const keys = shape === "insert" ? sql.raw("name_search, document_number, date_of_birth, issuing_country") : sql.raw("null, null, null, null");
  await tx.execute(sql`
    insert into processes (process_id, dossier_id, provider, process_type, document_type, status, raw, created_at, updated_at,
                           first_seen_at, last_synced_at, first_name, last_name, nationality,
                           name_search, document_number, date_of_birth, issuing_country)
    select ${processId}, ${dossierId}, provider, process_type, document_type, status, raw, now(), now(), now(), now(),
           first_name, last_name, nationality, ${keys}
      from processes where process_id = ${sampleId}`);
  if (shape === "update") {
    await tx.execute(sql`
      update processes p set name_search = s.name_search, document_number = s.document_number,
                             date_of_birth = s.date_of_birth, issuing_country = s.issuing_country
        from processes s where p.process_id = ${processId} and s.process_id = ${sampleId}`);
  }
  return (await triggerTime(tx)) - before;
}

/**
 * One measurement: `inTransaction` opens the transaction (the desk's pool, or the baseline connection
 * with indexes denied); it is rolled back whatever happens.
 */
export async function linkTriggerTime(
  inTransaction: (run: (tx: Db) => Promise<never>) => Promise<unknown>,
  sampleId: string,
  shape: IngestShape,
): Promise<number> {
  try {
    await inTransaction(async (tx) => {
      throw new RolledBack(await storeCopy(tx, sampleId, shape));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.ms;
    throw error;
  }
  throw new Error("the measurement's transaction was not rolled back");
}
