import "server-only";
import { openDatabase, type Database } from "../../db/client";

/**
 * The inbox pump's own connections. On PostgreSQL they commit asynchronously (`synchronous_commit = off`):
 * each stored status and zip publishes a desk event with NOTIFY in its transaction, and PostgreSQL lets one
 * notifying transaction commit at a time, holding a global lock across the commit's WAL flush. With every
 * commit waiting for the disk, the pump's writes took turns at one flush each (bench/notify-commits.ts,
 * 32 connections at load 4: 7,749 plain inserts/s, 1,396/s with a NOTIFY each, 2,949/s so with this
 * setting), and in bench/webhooks.ts the process upsert spent most of its 9 ms waiting for that lock
 * (`Lock:object` in pg_stat_activity).
 *
 * Nothing acknowledged is put at risk. The notification itself is stored by the web server's own pool,
 * synchronously, before Assure is answered. What the pump writes afterwards is redone from that inbox
 * row: a crash may lose the pump's last commits (at most about three `wal_writer_delay`s, 0.6 s by default),
 * but never a later one without an earlier one, since WAL is one sequence. The row's own "done" or
 * "result due" comes after the writes it records, so it is lost with them and the row is taken again once
 * its lock expires; every step is an idempotent upsert.
 *
 * PGlite is one connection in this process: the pump shares it.
 */
export async function openPumpDatabase(database: Database, poolSize: number): Promise<Database> {
  if (database.engine !== "postgres" || !database.url) return database;
  return openDatabase({ url: database.url, poolSize, asyncCommit: true });
}
