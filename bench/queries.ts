import { sql } from "drizzle-orm";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { openDatabase, type Database, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { countDossiers } from "../lib/dossiers/count-dossiers";
import { listDossiers } from "../lib/dossiers/list-dossiers";
import { countLinkedDossiers } from "../lib/identity/identity-links";
import { listProcesses, type ListProcessesInput } from "../lib/processes/list-processes";
import { getProcessNeighbours, type ProcessListView } from "../lib/processes/list-walk";
import { countProcessStatuses } from "../lib/processes/status-counts";
import { seedBenchmark } from "./queries-seed";
import { benchDatabaseUrl, ensureBenchDatabase } from "./support/bench-database";
import { openBaselineConnection, type BaselineConnection, type PlanSummary } from "./support/baseline-connection";
import { linkTriggerTime } from "./support/links-at-ingest";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/queries.ts`: the queue's queries at 1,000,000 processes, through the same functions
 * the pages call. Prints p50/p95 against the targets. Not a test: numbers depend on the machine.
 * DATABASE_URL names the server (default: the local one); the data lives in its own database,
 * `desk_bench_queries`, seeded once and reused by later runs. BENCH_PROCESSES=100000 (say) smoke-tests the
 * benchmark at a smaller size, in a database of its own (`desk_bench_queries_100000`).
 * Keyset depth is measured at page 1,000, page 10,000 and the last page (those the size has), p50 and p95.
 * BENCH_ONLY=links measures the identity links alone. BENCH_DATABASE names another database (a branch's own
 * seeded copy, say, so that its migrations do not reach the shared one).
 * Baselines (OFFSET + COUNT(*), look-ups without indexes) run on a connection that caches no plan
 * (bench/support/baseline-connection.ts), and the plan each one ran with is printed beside it.
 */

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1_000_000);
if (!Number.isInteger(PROCESSES) || PROCESSES < 10_000 || PROCESSES % 5 !== 0) throw new Error("BENCH_PROCESSES: a whole number ≥ 10,000, divisible by 5");
const DATABASE = process.env.BENCH_DATABASE || (PROCESSES === 1_000_000 ? "desk_bench_queries" : `desk_bench_queries_${PROCESSES}`);
const SIZE = { processes: PROCESSES, dossiers: PROCESSES / 5 };
const PAGE = 50;
/** Pages skipped before the measured one: page 1,000, page 10,000; the last page is added when walked. */
const DEPTHS = [1_000, 10_000];
const REPS = 50;
/** The baselines take seconds each: fewer repetitions, same statistics. */
const BASELINE_REPS = 12;

interface Measured {
  name: string;
  p50: number;
  p95: number;
  reps: number;
}

const log = (line: string) => console.log(line);

async function openBenchDatabase(): Promise<Database> {
  await ensureBenchDatabase(DATABASE);
  const database = await openDatabase({ url: benchDatabaseUrl(DATABASE), poolSize: 8 });
  await migrateDatabase(database);
  return database;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, run: () => Promise<unknown>, reps = REPS): Promise<Measured> {
  return measureTimes(
    name,
    async () => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    },
    reps,
  );
}

/** Like `measure`, for a run that answers its own time in ms (a time the server reports, say). */
async function measureTimes(name: string, timed: () => Promise<number>, reps = REPS): Promise<Measured> {
  for (let i = 0; i < Math.min(5, reps); i++) await timed(); // warm the cache and the prepared statements
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await timed());
  times.sort((a, b) => a - b);
  const result = { name, p50: percentile(times, 50), p95: percentile(times, 95), reps };
  log(`  ${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
  return result;
}

/**
 * Walks the whole list by cursor once and keeps the cursor that opens each page in `depths` and the
 * last page (the number of pages skipped before it).
 */
async function walkDepths(db: Db, depths: number[]): Promise<Map<number, string | null>> {
  const cursors = new Map<number, string | null>();
  let cursor: string | null = null;
  for (let skipped = 0; ; skipped++) {
    if (depths.includes(skipped)) cursors.set(skipped, cursor);
    const page: Awaited<ReturnType<typeof listProcesses>> = await listProcesses(db, { limit: PAGE, cursor });
    if (!page.nextCursor) {
      cursors.set(skipped, cursor); // the last page
      return cursors;
    }
    cursor = page.nextCursor;
  }
}

const OFFSET_SELECT = `select process_id, dossier_id, status, process_type, document_type, first_name, last_name, issuing_country,
              created_at, updated_at
         from processes order by updated_at desc, process_id desc`;

const offsetOnly = (db: Db, offset: number) => db.execute<{ process_id: string }>(sql`${sql.raw(OFFSET_SELECT)} offset ${offset} limit ${PAGE}`);

/** The page by OFFSET and the total by COUNT(*), side by side as a page would run them, on the baseline connection. */
async function offsetPage(baseline: BaselineConnection, offset: number) {
  const [rows] = await Promise.all([offsetOnly(baseline.db, offset), baseline.db.execute(sql`select count(*) from processes`)]);
  // postgres.js answers an array of rows (the baseline connection is always PostgreSQL).
  return rows as unknown as { process_id: string }[];
}

function planLine(plan: PlanSummary): string {
  return `${plan.kind} plan: ${plan.nodes.join(" → ")}`;
}

async function resultViewFigures(): Promise<Measured[]> {
  // ---- Call site for the 20 MB result-zip view, measured by bench/result-view.ts (another engineer's). ----
  const file = path.resolve(__dirname, "result-view.ts");
  if (!existsSync(file)) {
    log("  (bench/result-view.ts is not there yet: result view not measured)");
    return [];
  }
  const resultView = (await import(file)) as { measureResultView?: () => Promise<Measured | Measured[]> };
  if (typeof resultView.measureResultView !== "function") {
    log("  (bench/result-view.ts exports no measureResultView(): result view not measured)");
    return [];
  }
  const measured = await resultView.measureResultView();
  return Array.isArray(measured) ? measured : [measured];
}

/**
 * Identity links of one process at ingest, beside the same work without indexes: the link trigger's own
 * server time while a process is stored (bench/support/links-at-ingest.ts), neither the round trip nor
 * the commit, which the ingest pays with or without links.
 */
async function identityLinkFigures(database: Database, baseline: BaselineConnection): Promise<{ links: Measured; linksLater: Measured; linksScan: Measured }> {
  log("\nIdentity links (computed at ingest by the processes' triggers: drizzle/0014_identity_links.sql, 0018_identity_links_at_ingest.sql)");
  const linkSample = await database.query<{ process_id: string }>(
    `select process_id from processes where document_number is not null and name_search is not null order by process_id limit 500 offset 1000`,
  );
  let nextLink = 0;
  const nextSample = () => linkSample[nextLink++ % linkSample.length]!.process_id;
  const inPool = (run: (tx: Db) => Promise<never>) => database.db.transaction((tx) => run(tx as unknown as Db));
  const links = await measureTimes("identity links of a new process (insert trigger, server time)", () => linkTriggerTime(inPool, nextSample(), "insert"), 200);
  const linksLater = await measureTimes("identity links read later (update trigger, server time)", () => linkTriggerTime(inPool, nextSample(), "update"), 200);
  const linksScan = await measureTimes("identity links of a new process without indexes (baseline)", () => linkTriggerTime(baseline.withoutIndexes, nextSample(), "insert"), BASELINE_REPS);
  const [linkCounts] = await database.query<{ links: string; dossiers: string }>(
    "select count(*) as links, count(distinct dossier_id) as dossiers from identity_links",
  );
  log(`    ${Number(linkCounts?.links ?? 0).toLocaleString("en")} links in ${Number(linkCounts?.dossiers ?? 0).toLocaleString("en")} dossiers`);
  return { links, linksLater, linksScan };
}

async function main() {
  const startLoad = loadavg().map((l) => l.toFixed(1)).join(", ");
  const database = await openBenchDatabase();
  const baseline = openBaselineConnection(benchDatabaseUrl(DATABASE));
  const { db } = database;
  try {
    if (!(await seedBenchmark(database, SIZE, log))) log(`Reusing the seeded ${DATABASE} (${SIZE.processes.toLocaleString("en")} processes).`);
    const [sample] = await database.query<{ document_number: string; date_of_birth: string; process_id: string }>(
      `select document_number, to_char(date_of_birth, 'DD.MM.YYYY') as date_of_birth, process_id
         from processes where document_number is not null order by process_id limit 1 offset 4321`,
    );
    if (!sample) throw new Error("no sample row");
    if (process.env.BENCH_ONLY === "links") {
      // The identity links alone (issue: p95 ≤ 5 ms per process at 1,000,000), a minute instead of twenty.
      const { links, linksLater, linksScan } = await identityLinkFigures(database, baseline);
      const worst = Math.max(links.p95, linksLater.p95);
      log(`\n${worst <= 5 ? "✓" : "✗"} identity links at ingest: p95 ≤ 5 ms per process (${links.p95.toFixed(1)} ms new, ${linksLater.p95.toFixed(1)} ms read later), ${(linksScan.p50 / links.p50).toFixed(0)}× faster than the scan; load ${startLoad} at the start, ${loadavg().map((l) => l.toFixed(1)).join(", ")} at the end`);
      return;
    }
    const docPrefix = sample.document_number.slice(0, 5);

    log("\nList");
    const first = await measure("first page (updated desc)", () => listProcesses(db, { limit: PAGE }));
    const firstWithCounts = await measure("first page + status counts", () =>
      Promise.all([listProcesses(db, { limit: PAGE }), countProcessStatuses(db, {})]),
    );
    const created = await measure("first page (created asc)", () => listProcesses(db, { limit: PAGE, sort: "created.asc" }));
    const failed = await measure("status = failed + counts", () =>
      Promise.all([listProcesses(db, { limit: PAGE, filters: { status: ["failed"] } }), countProcessStatuses(db, { status: ["failed"] })]),
    );
    const country = await measure("country = NOR, created desc, + counts", () =>
      Promise.all([
        listProcesses(db, { limit: PAGE, sort: "created.desc", filters: { country: "NOR" } }),
        countProcessStatuses(db, { country: "NOR" }),
      ]),
    );
    log("  walking the whole list by cursor…");
    const walkStarted = performance.now();
    const cursors = await walkDepths(db, DEPTHS);
    log(`  (walked in ${((performance.now() - walkStarted) / 1000).toFixed(1)} s)`);
    const depths: { skipped: number; keyset: Measured; offset: Measured }[] = [];
    for (const [skipped, cursor] of [...cursors].sort((a, b) => a[0] - b[0])) {
      const last = skipped === Math.max(...cursors.keys());
      const name = `page ${(skipped + 1).toLocaleString("en")}${last ? " (the last)" : ""}`;
      const keyset = await measure(`${name} by keyset`, () => listProcesses(db, { limit: PAGE, cursor }));
      const keysetIds = (await listProcesses(db, { limit: PAGE, cursor })).items.map((i) => i.processId);
      const offsetIds = (await offsetPage(baseline, skipped * PAGE)).map((r) => r.process_id);
      if (keysetIds.join() !== offsetIds.join()) throw new Error(`the keyset and the OFFSET ${name} differ`);
      const offset = await measure(`${name} by OFFSET + COUNT(*) (baseline)`, () => offsetPage(baseline, skipped * PAGE), BASELINE_REPS);
      log(`    ${planLine(await baseline.planOf((d) => offsetOnly(d, skipped * PAGE)))}`);
      depths.push({ skipped, keyset, offset });
    }

    log("\nWalk from a process page (lib/processes/list-walk.ts): previous and next in the view, by keyset");
    const walkDepth = Math.min(DEPTHS[1]!, Math.max(...cursors.keys()));
    const deep = (await listProcesses(db, { limit: PAGE, cursor: cursors.get(walkDepth) ?? null })).items[PAGE / 2]!;
    const walks: [string, ProcessListView][] = [
      ["no filter, updated desc", { filters: {}, sort: "updated.desc" }],
      ["status = failed, updated asc", { filters: { status: ["failed"] }, sort: "updated.asc" }],
      ["country = NOR, created desc", { filters: { country: "NOR" }, sort: "created.desc" }],
      ["partial name “ana”, updated desc", { filters: { q: "ana" }, sort: "updated.desc" }],
    ];
    for (const [name, view] of walks) {
      await measure(`neighbours of a process ${(walkDepth * PAGE + PAGE / 2).toLocaleString("en")} rows deep: ${name}`, () => getProcessNeighbours(db, deep.processId, view, null));
    }

    log("\nLook-up");
    const lookups: [string, ListProcessesInput["filters"]][] = [
      ["partial name “lukasiew”", { q: "lukasiew" }],
      ["two partial words “joao conce”", { q: "joao conce" }],
      ["common partial name “ana”", { q: "ana" }],
      [`document number prefix “${docPrefix}”`, { q: docPrefix }],
    ];
    const lookupRows: { fast: Measured; slow: Measured; plan: PlanSummary }[] = [];
    for (const [name, filters] of lookups) {
      const fast = await measure(name, () => listProcesses(db, { limit: PAGE, filters }));
      const slow = await measure(`${name} without indexes (baseline)`, () => baseline.withoutIndexes((d) => listProcesses(d, { limit: PAGE, filters })), BASELINE_REPS);
      const plan = await baseline.planOf((d) => listProcesses(d, { limit: PAGE, filters }), { withoutIndexes: true });
      log(`    ${planLine(plan)}`);
      lookupRows.push({ fast, slow, plan });
    }
    const withCounts = await measure("partial name “lukasiew” + counts", () =>
      Promise.all([listProcesses(db, { limit: PAGE, filters: { q: "lukasiew" } }), countProcessStatuses(db, { q: "lukasiew" })]),
    );
    const dob = await measure(`date of birth ${sample.date_of_birth} + counts`, () =>
      Promise.all([listProcesses(db, { limit: PAGE, filters: { q: sample.date_of_birth } }), countProcessStatuses(db, { q: sample.date_of_birth })]),
    );
    const id = await measure("process id prefix (8 chars) + counts", () =>
      Promise.all([listProcesses(db, { limit: PAGE, filters: { q: sample.process_id.slice(0, 8), by: "id" } }), countProcessStatuses(db, { q: sample.process_id.slice(0, 8), by: "id" })]),
    );
    const dossierList = await measure("dossiers, first page + count", () =>
      Promise.all([listDossiers(db, { limit: PAGE }), countDossiers(db, {})]),
    );
    const { links, linksLater, linksScan } = await identityLinkFigures(database, baseline);
    const linked = await measure("queue, Linked filter, first page + counts", () =>
      Promise.all([listProcesses(db, { limit: PAGE, filters: { linked: true } }), countProcessStatuses(db, { linked: true })]),
    );
    const linkedCount = await measure("countLinkedDossiers (the overview)", () => countLinkedDossiers(db));

    const dossierLookup = await measure("dossiers, partial name “lukasiew” + count", () =>
      Promise.all([listDossiers(db, { limit: PAGE, filters: { q: "lukasiew" } }), countDossiers(db, { q: "lukasiew" })]),
    );

    log("\nResult view");
    const resultView = await resultViewFigures();

    const listed = [first, firstWithCounts, created, failed, country, ...depths.map((d) => d.keyset), dossierList, dossierLookup, withCounts, dob, id, linked, linkedCount, ...lookupRows.map((r) => r.fast)];
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const checks: [string, boolean][] = [
      ["p95 ≤ 100 ms for every list and look-up", listed.every((m) => m.p95 <= 100)],
      [`identity links at ingest: p95 ≤ 5 ms per process (${links.p95.toFixed(1)} ms new, ${linksLater.p95.toFixed(1)} ms read later)`, links.p95 <= 5 && linksLater.p95 <= 5],
      [`identity links ≥ 20× faster than their scan baseline (${(linksScan.p50 / links.p50).toFixed(0)}×)`, linksScan.p50 >= 20 * links.p50],
      ...depths.flatMap(({ keyset }): [string, boolean][] => [
        [`${keyset.name}: p50 within 1.5× the first page's (${ratio(keyset.p50, first.p50)}), p95 within 1.5× its p95 (${ratio(keyset.p95, first.p95)})`, keyset.p50 <= 1.5 * first.p50 && keyset.p95 <= 1.5 * first.p95],
        ...(keyset.name.startsWith("page 10,001")
          ? [[`${keyset.name} ≥ 10× faster than OFFSET (${(depths.find((d) => d.keyset === keyset)!.offset.p50 / keyset.p50).toFixed(0)}×)`, depths.find((d) => d.keyset === keyset)!.offset.p50 >= 10 * keyset.p50] as [string, boolean]]
          : []),
      ]),
      ...lookupRows.map(({ fast, slow, plan }): [string, boolean] =>
        plan.usesIndex
          ? [`${fast.name}: its baseline used an index (${planLine(plan)}): no comparison`, false]
          : [`${fast.name} ≥ 20× faster than its scan baseline (${(slow.p50 / fast.p50).toFixed(0)}×)`, slow.p50 >= 20 * fast.p50],
      ),
    ];
    printTable([...listed, links, linksLater, ...depths.map((d) => d.offset), ...lookupRows.map((r) => r.slow), linksScan, ...resultView], checks);
    // Shared 2-core machines: the load says how much of a slow p95 is the neighbours'.
    log(`\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(", ")} (at the start: ${startLoad})`);
  } finally {
    await Promise.all([database.close(), baseline.close()]);
  }
}

function printTable(rows: Measured[], checks: [string, boolean][]) {
  const width = Math.max(...rows.map((r) => r.name.length));
  log(`\n${"query".padEnd(width)}  ${"p50 ms".padStart(9)}  ${"p95 ms".padStart(9)}  reps`);
  for (const r of rows) log(`${r.name.padEnd(width)}  ${r.p50.toFixed(1).padStart(9)}  ${r.p95.toFixed(1).padStart(9)}  ${r.reps}`);
  log("\nTargets");
  for (const [name, ok] of checks) log(`  ${ok ? "✓" : "✗"} ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
