import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createPostgresDatabase, testServerUrl, type TestDatabase } from "../../tests/support/test-database";
import { describeNodes, openBaselineConnection, type BaselineConnection } from "./baseline-connection";

describe("describeNodes", () => {
  it("lists a plan's nodes outermost first and tells whether any reads an index", () => {
    const scan = describeNodes({ "Node Type": "Limit", Plans: [{ "Node Type": "Sort", Plans: [{ "Node Type": "Seq Scan", "Relation Name": "processes" }] }] });
    expect(scan).toEqual({ nodes: ["Limit", "Sort", "Seq Scan on processes"], usesIndex: false });
    const index = describeNodes({ "Node Type": "Limit", Plans: [{ "Node Type": "Bitmap Heap Scan", "Relation Name": "processes", Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "processes_search_trgm" }] }] });
    expect(index.usesIndex).toBe(true);
    expect(index.nodes).toContain("Bitmap Index Scan using processes_search_trgm");
  });
});

describe.skipIf(!testServerUrl)("the baseline connection (PostgreSQL)", () => {
  let database: TestDatabase;
  let baseline: BaselineConnection;
  beforeAll(async () => {
    database = await createPostgresDatabase(testServerUrl!, { migrate: false });
    await database.query("create table items (id int primary key, name text not null)");
    await database.query("insert into items select g, 'item ' || g from generate_series(1, 20000) g");
    await database.query("analyze items");
    baseline = openBaselineConnection(database.url!);
  });
  afterAll(async () => {
    await baseline?.close();
    await database?.dispose();
  });

  it("plans each execution afresh: denied indexes after many runs, it scans", async () => {
    const byId = (db: Db) => db.execute(sql`select name from items where id = ${1234}`);
    for (let i = 0; i < 10; i++) await byId(baseline.db); // a plan cache would have kept a generic plan by now
    const fast = await baseline.planOf(byId);
    expect(fast.usesIndex).toBe(true);
    const slow = await baseline.planOf(byId, { withoutIndexes: true });
    expect(slow).toMatchObject({ kind: "custom", usesIndex: false });
    expect(slow.nodes).toContain("Seq Scan on items");
    expect(await baseline.withoutIndexes((db) => byId(db))).toHaveLength(1);
  });

  it("shows the plan of the costliest statement when a query runs several", async () => {
    const twoReads = async (db: Db) => {
      await db.execute(sql`select name from items where name like ${"item 12%"} order by name limit 5`);
      await db.execute(sql`select 1`);
    };
    const plan = await baseline.planOf(twoReads, { withoutIndexes: true });
    expect(plan.nodes.some((n) => n.includes("on items"))).toBe(true);
  });
});
