import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../tests/support/test-database";
import { compileStatement } from "./compiled-statement";

const probe = pgTable("compiled_probe", {
  id: integer("id").primaryKey(),
  doc: jsonb("doc"),
  at: timestamp("at", { withTimezone: true, mode: "date" }),
  label: text("label"),
});

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  await database.query("create table compiled_probe (id int primary key, doc jsonb, at timestamptz, label text)");
});
afterAll(async () => {
  await database.dispose();
});

describe("compiled statements", () => {
  it("bind each call's values as drizzle would encode them, null as SQL NULL, constants kept", async () => {
    const insert = compileStatement<{ id: number; doc: unknown; at: Date | null; label: string | null }>(
      sql`with written as (${database.db
        .insert(probe)
        .values({ id: sql.placeholder("id"), doc: sql.placeholder("doc"), at: sql.placeholder("at"), label: sql.placeholder("label") } as never)
        .returning({ id: probe.id })
        .getSQL()}) select id, ${"constant"}::text as constant, ${sql.placeholder("label")}::text as echoed from written`,
    );
    const first = await database.db.execute(insert.bind({ id: 1, doc: { checks: ["a", "b"], n: 2 }, at: new Date("2026-12-02T01:02:03.004Z"), label: "it's $1" }));
    const second = await database.db.execute(insert.bind({ id: 2, doc: null, at: null, label: null }));
    const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
    expect(rowsOf(first)).toEqual([{ id: 1, constant: "constant", echoed: "it's $1" }]);
    expect(rowsOf(second)).toEqual([{ id: 2, constant: "constant", echoed: null }]);

    const stored = await database.query<{ id: number; doc: unknown; doc_is_null: boolean; at: string | null; label: string | null }>(
      "select id, doc, doc is null as doc_is_null, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') as at, label from compiled_probe order by id",
    );
    expect(stored).toEqual([
      { id: 1, doc: { checks: ["a", "b"], n: 2 }, doc_is_null: false, at: "2026-12-02 01:02:03.004", label: "it's $1" },
      { id: 2, doc: null, doc_is_null: true, at: null, label: null },
    ]);
  });

  it("refuse a call that leaves a placeholder without a value", () => {
    const select = compileStatement<{ a: number }>(sql`select ${sql.placeholder("a")}::int + ${sql.placeholder("b")}::int`);
    expect(() => select.bind({ a: 1 })).toThrow('No value for placeholder "b"');
  });
});
