import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processes } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { purgeDossiers } from "../retention/purge-dossiers";
import { rowsOf } from "../../db/rows-of";
import { lookupCondition } from "./process-filters";
import { parseLookup } from "./parse-lookup";
import { seedProcesses, uniqueDay } from "./testing/seed-processes";

/**
 * The indexes behind the look-ups by personal data hold only rows that have the value: a tombstone (whose
 * look-up columns a purge cleared) is not in them, so purging adds no entry there. The look-ups must still
 * be able to use them, which holds because their conditions imply "is not null".
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

const LOOKUP_INDEXES = {
  name: { index: "processes_name_trgm_idx", column: "name_search", q: "mendes" },
  document: { index: "processes_document_number_idx", column: "document_number", q: "AB123" },
  dob: { index: "processes_date_of_birth_idx", column: "date_of_birth", q: "1985-03-07" },
} as const;

/** The plan of the queue's look-up condition, with sequential scans priced out so that any usable index is taken. */
async function lookupPlan(q: string): Promise<string> {
  const parsed = parseLookup(q, "auto");
  if (!parsed.ok || !parsed.lookup) throw new Error(`not a look-up: ${q}`);
  const query = database.db.select({ processId: processes.processId }).from(processes).where(lookupCondition(parsed.lookup)).toSQL();
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = rowsOf<{ "QUERY PLAN": string }>(await tx.execute(sql.raw(`explain ${inline(query.sql, query.params)}`)));
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

/** The statement with its parameters written in as literals (EXPLAIN of a statement with parameters needs them bound). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => `'${String(params[Number(n) - 1]).replaceAll("'", "''")}'`);
}

describe("the look-up indexes", () => {
  it("leave out rows without the value, tombstones among them", async () => {
    const definitions = await database.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where tablename = 'processes' and indexname = any($1::text[])`,
      [Object.values(LOOKUP_INDEXES).map((i) => i.index)],
    );
    for (const { index, column } of Object.values(LOOKUP_INDEXES)) {
      expect(definitions.find((d) => d.indexname === index)?.indexdef, index).toMatch(new RegExp(`WHERE \\(${column} IS NOT NULL\\)$`));
    }
  });

  it("still serve the look-ups by name, document number and date of birth, before and after a purge", async () => {
    const day = uniqueDay();
    const [kept, purged] = await seedProcesses(database.db, day, [
      { updated: 1, firstName: "MARIA", lastName: "MENDES", documentNumber: "AB 123-456", dateOfBirth: "1985-03-07" },
      { updated: 2, firstName: "ANA", lastName: "MENDES", documentNumber: "AB123999", dateOfBirth: "1985-03-07" },
    ]);
    await database.db.transaction((tx) => purgeDossiers(tx, [purged!.dossierId], "erasure"));

    for (const { index, q } of Object.values(LOOKUP_INDEXES)) {
      expect(await lookupPlan(q), q).toContain(index);
      const parsed = parseLookup(q, "auto");
      if (!parsed.ok || !parsed.lookup) throw new Error(q);
      const found = await database.db.select({ processId: processes.processId }).from(processes).where(lookupCondition(parsed.lookup));
      const ids = found.map((f) => f.processId);
      expect(ids, q).toContain(kept!.processId);
      expect(ids, q).not.toContain(purged!.processId);
    }
  });
});
