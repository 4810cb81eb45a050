import type { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Db } from "./client";

const dialect = new PgDialect();

/** The driver under drizzle (`db.$client`): postgres.js on a server, PGlite embedded. */
type Client = ReturnType<typeof postgres> | PGlite;

function isPostgresJs(client: Client): client is ReturnType<typeof postgres> {
  return typeof (client as { unsafe?: unknown }).unsafe === "function";
}

/**
 * Runs a statement and hands each row to `onRow` as it arrives (postgres.js's `forEach`), without a result
 * array: a row that is written out at once dies in V8's young generation, where a batch of rows held until
 * its last one arrived outlived two young collections and was promoted. PGlite answers in one piece: its
 * rows are handed over in a loop. Rows are objects keyed by column name, values as the driver parsed them:
 * select text (`::text`, to_char) to read the same on both engines. Returns the number of rows.
 */
export async function forEachRow<R>(db: Db, statement: SQL, onRow: (row: R) => void): Promise<number> {
  const client = (db as unknown as { $client: Client }).$client;
  const query = dialect.sqlToQuery(statement);
  if (isPostgresJs(client)) {
    let count = 0;
    await client.unsafe(query.sql, query.params as never[], { prepare: true }).forEach((row) => {
      count++;
      onRow(row as R);
    });
    return count;
  }
  const { rows } = await client.query<R>(query.sql, query.params);
  for (const row of rows) onRow(row);
  return rows.length;
}
