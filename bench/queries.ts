import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Database, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { countDossiers } from "../lib/dossiers/count-dossiers";
import { listDossiers } from "../lib/dossiers/list-dossiers";
import { listProcesses, type ListProcessesInput } from "../lib/processes/list-processes";
import { countProcessStatuses } from "../lib/processes/status-counts";
import { seedBenchmark } from "./queries-seed";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/queries.ts`: the queue's queries at 1,000,000 processes, through the same functions
 * the pages call. Prints p50/p95 against the targets. Not a test: numbers depend on the machine.
 * DATABASE_URL names the server (default: the local one); the data lives in its own database,
 * `desk_bench_queries`, seeded once and reused by later runs.
 */

const SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "desk_bench_queries";
const SIZE = { processes: 1_000_000, dossiers: 200_000 };
const PAGE = 50;
const DEEP_PAGES = 10_000;
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
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  const [found] = await admin`select 1 from pg_database where datname = ${DATABASE}`;
  if (!found) await admin.unsafe(`create database "${DATABASE}"`);
  await admin.end({ timeout: 5 });
  const url = new URL(SERVER);
  url.pathname = `/${DATABASE}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 8 });
  await migrateDatabase(database);
  return database;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, run: () => Promise<unknown>, reps = REPS): Promise<Measured> {
  for (let i = 0; i < Math.min(5, reps); i++) await run(); // warm the cache and the prepared statements
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { name, p50: percentile(times, 50), p95: percentile(times, 95), reps };
  log(`  ${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
  return result;
}

/** The same query with the planner denied every index: the sequential-scan baseline. */
function withoutIndexes<T>(database: Database, run: (db: Db) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    for (const setting of ["enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"]) {
      await tx.execute(`set local ${setting} = off`);
    }
    return run(tx as unknown as Db);
  });
}

async function walkToPage(db: Db, pages: number): Promise<string> {
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page: Awaited<ReturnType<typeof listProcesses>> = await listProcesses(db, { limit: PAGE, cursor });
    if (!page.nextCursor) throw new Error(`the list ended after ${i + 1} pages`);
    cursor = page.nextCursor;
  }
  return cursor!;
}

async function offsetPage(database: Database, offset: number) {
  const [rows] = await Promise.all([
    database.query<{ process_id: string }>(
      `select process_id, dossier_id, status, process_type, document_type, first_name, last_name, issuing_country,
              created_at, updated_at
         from processes order by updated_at desc, process_id desc offset $1 limit $2`,
      [offset, PAGE],
    ),
    database.query("select count(*) from processes"),
  ]);
  return rows;
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

async function main() {
  const startLoad = loadavg().map((l) => l.toFixed(1)).join(", ");
  const database = await openBenchDatabase();
  const { db } = database;
  try {
    if (!(await seedBenchmark(database, SIZE, log))) log(`Reusing the seeded ${DATABASE} (${SIZE.processes.toLocaleString("en")} processes).`);
    const [sample] = await database.query<{ document_number: string; date_of_birth: string; process_id: string }>(
      `select document_number, to_char(date_of_birth, 'DD.MM.YYYY') as date_of_birth, process_id
         from processes where document_number is not null order by process_id limit 1 offset 4321`,
    );
    if (!sample) throw new Error("no sample row");
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
    log(`  walking ${DEEP_PAGES.toLocaleString("en")} pages by cursor…`);
    const walkStarted = performance.now();
    const deepCursor = await walkToPage(db, DEEP_PAGES);
    log(`  (walked in ${((performance.now() - walkStarted) / 1000).toFixed(1)} s)`);
    const deep = await measure(`page ${DEEP_PAGES.toLocaleString("en")} by keyset`, () => listProcesses(db, { limit: PAGE, cursor: deepCursor }));
    const deepIds = (await listProcesses(db, { limit: PAGE, cursor: deepCursor })).items.map((i) => i.processId);
    const offsetIds = (await offsetPage(database, (DEEP_PAGES) * PAGE)).map((r) => r.process_id);
    if (deepIds.join() !== offsetIds.join()) throw new Error("the keyset page and the OFFSET page differ");
    const offset = await measure(`page ${DEEP_PAGES.toLocaleString("en")} by OFFSET + COUNT(*) (baseline)`, () => offsetPage(database, DEEP_PAGES * PAGE), BASELINE_REPS);

    log("\nLook-up");
    const lookups: [string, ListProcessesInput["filters"]][] = [
      ["partial name “lukasiew”", { q: "lukasiew" }],
      ["two partial words “joao conce”", { q: "joao conce" }],
      ["common partial name “ana”", { q: "ana" }],
      [`document number prefix “${docPrefix}”`, { q: docPrefix }],
    ];
    const lookupRows: { fast: Measured; slow: Measured }[] = [];
    for (const [name, filters] of lookups) {
      const fast = await measure(name, () => listProcesses(db, { limit: PAGE, filters }));
      const slow = await measure(`${name} without indexes (baseline)`, () => withoutIndexes(database, (d) => listProcesses(d, { limit: PAGE, filters })), BASELINE_REPS);
      lookupRows.push({ fast, slow });
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
    const dossierLookup = await measure("dossiers, partial name “lukasiew” + count", () =>
      Promise.all([listDossiers(db, { limit: PAGE, filters: { q: "lukasiew" } }), countDossiers(db, { q: "lukasiew" })]),
    );

    log("\nResult view");
    const resultView = await resultViewFigures();

    const listed = [first, firstWithCounts, created, failed, country, deep, dossierList, dossierLookup, withCounts, dob, id, ...lookupRows.map((r) => r.fast)];
    const checks: [string, boolean][] = [
      ["p95 ≤ 100 ms for every list and look-up", listed.every((m) => m.p95 <= 100)],
      [`deep page p50 within 1.5× the first page (${(deep.p50 / first.p50).toFixed(2)}×)`, deep.p50 <= 1.5 * first.p50],
      [`deep page ≥ 10× faster than OFFSET (${(offset.p50 / deep.p50).toFixed(0)}×)`, offset.p50 >= 10 * deep.p50],
      ...lookupRows.map(({ fast, slow }): [string, boolean] => [`${fast.name} ≥ 20× faster than its baseline (${(slow.p50 / fast.p50).toFixed(0)}×)`, slow.p50 >= 20 * fast.p50]),
    ];
    printTable([...listed, offset, ...lookupRows.map((r) => r.slow), ...resultView], checks);
    // Shared 2-core machines: the load says how much of a slow p95 is the neighbours'.
    log(`\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(", ")} (at the start: ${startLoad})`);
  } finally {
    await database.close();
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
