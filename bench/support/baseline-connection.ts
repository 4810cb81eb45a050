import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "../../db/client";
import * as schema from "../../db/schema";

/**
 * A connection for the benchmarks' baselines that caches no plan. The desk's own connections run named
 * prepared statements (db/client.ts): after a few executions PostgreSQL may keep a generic plan, and a
 * kept plan that uses an index ignores a later `set local enable_indexscan = off` — the "baseline" then
 * measured the index. Here every statement is unnamed (planned afresh at each execution, with its values)
 * and `plan_cache_mode = force_custom_plan` holds even if a statement were named. Each query is remembered,
 * so that the plan it ran with can be shown (EXPLAIN under the same settings).
 */
export interface BaselineConnection {
  db: Db;
  /** Runs `run` in one transaction with the planner denied every index (the sequential-scan baseline). */
  withoutIndexes<T>(run: (db: Db) => Promise<T>): Promise<T>;
  /**
   * The plan PostgreSQL chooses, under the same settings, for the costliest statement `run` ran (a page
   * may also read its assignees): node kinds, outermost first.
   */
  planOf(run: (db: Db) => Promise<unknown>, options?: { withoutIndexes?: boolean }): Promise<PlanSummary>;
  close(): Promise<void>;
}

export interface PlanSummary {
  /** "custom" when the session plans each execution with its values (what this connection guarantees). */
  kind: string;
  /** e.g. ["Limit", "Sort", "Seq Scan on processes"] */
  nodes: string[];
  usesIndex: boolean;
}

const DENY_INDEXES = ["enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"];

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Total Cost"?: number;
  Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

export function describeNodes(root: PlanNode): { nodes: string[]; usesIndex: boolean } {
  const all = flatten(root);
  return {
    nodes: all.map((n) => n["Node Type"] + (n["Index Name"] ? ` using ${n["Index Name"]}` : n["Relation Name"] ? ` on ${n["Relation Name"]}` : "")),
    usesIndex: all.some((n) => /Index/.test(n["Node Type"])),
  };
}

export function openBaselineConnection(url: string): BaselineConnection {
  const client = postgres(url, {
    // Two: a page and its COUNT(*) run side by side, as the desk runs them.
    max: 2,
    prepare: false,
    onnotice: () => {},
    connection: { TimeZone: "UTC", plan_cache_mode: "force_custom_plan", application_name: "desk-bench-baseline" },
  });
  let statements: { query: string; params: unknown[] }[] = [];
  const db = drizzle({ client, schema, logger: { logQuery: (query, params) => void statements.push({ query, params }) } }) as unknown as Db;

  const withoutIndexes = <T>(run: (db: Db) => Promise<T>) =>
    db.transaction(async (tx) => {
      for (const setting of DENY_INDEXES) await tx.execute(`set local ${setting} = off`);
      return run(tx as unknown as Db);
    });

  return {
    db,
    withoutIndexes,
    async planOf(run, options = {}) {
      statements = [];
      await (options.withoutIndexes ? withoutIndexes(run) : run(db));
      const ran = statements.filter((s) => !/^(set|begin|commit|rollback)\b/i.test(s.query.trim()));
      if (ran.length === 0) throw new Error("the query ran no statement on the baseline connection");
      const rows = await client.begin(async (tx) => {
        if (options.withoutIndexes) for (const setting of DENY_INDEXES) await tx.unsafe(`set local ${setting} = off`);
        const [mode] = await tx.unsafe<{ plan_cache_mode: string }[]>("show plan_cache_mode");
        const plans: PlanNode[] = [];
        for (const statement of ran) {
          const [explained] = await tx.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(`explain (format json) ${statement.query}`, statement.params as never[]);
          plans.push(explained!["QUERY PLAN"][0]!.Plan);
        }
        return { mode: mode!.plan_cache_mode, plan: plans.reduce((a, b) => ((b["Total Cost"] ?? 0) > (a["Total Cost"] ?? 0) ? b : a)) };
      });
      return { kind: rows.mode === "force_custom_plan" ? "custom" : `plan_cache_mode=${rows.mode}`, ...describeNodes(rows.plan) };
    },
    close: () => client.end({ timeout: 5 }),
  };
}
