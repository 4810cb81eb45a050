import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client";
import { postgresJsOf } from "./driver";

const dialect = new PgDialect();

/**
 * Runs a statement and hands each row to `onRow` as it arrives (postgres.js's `forEach`), without a result
 * array: a row that is written out at once dies in V8's young generation, where a batch of rows held until
 * its last one arrived outlived two young collections and was promoted. PGlite answers in one piece: its
 * rows are handed over in a loop. Rows are objects keyed by column name, values as the driver parsed them:
 * select text (`::text`, to_char) to read the same on both engines. Returns the number of rows.
 */
export async function forEachRow<R>(db: Db, statement: SQL, onRow: (row: R) => void): Promise<number> {
  const client = postgresJsOf(db);
  if (client) {
    const query = dialect.sqlToQuery(statement);
    let count = 0;
    await client.unsafe(query.sql, query.params as never[], { prepare: true }).forEach((row) => {
      count++;
      onRow(row as R);
    });
    return count;
  }
  const { rows } = (await db.execute(statement)) as unknown as { rows: R[] };
  for (const row of rows) onRow(row);
  return rows.length;
}
