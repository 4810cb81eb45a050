import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Database, type Engine } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { dossiers, processes } from "../db/schema";
import { upsertProcess } from "../lib/processes/upsert-process";
import { createResultLoader } from "../lib/results/load-result";
import { configureResultStore, RESULT_STORAGES, type ResultStorage, type ResultStoreSettings } from "../lib/results/result-store-settings";
import { resultStore } from "../lib/results/result-store";
import { getResultView } from "../lib/results/result-view";
import { buildSampleZip } from "../lib/results/testing/sample-result";
import { inconclusiveProcess, inconclusiveZipEntries } from "../lib/results/testing/seed-sample";
import { noiseJpeg } from "./support/noise-jpeg";

/**
 * The full-result view of a ~20 MB zip (the JSON reports and four large JPEGs, stored uncompressed as Assure
 * and the simulator store pictures): first view (read from the store, unzip, build the view model) and
 * cached view (the same, served from the in-memory cache), and the memory a first view costs. Each engine
 * (PGlite, and the PostgreSQL server when it answers) with each result store runs in a process of its own,
 * so that one run's memory does not colour the next.
 * `npx tsx --tsconfig tsconfig.scripts.json bench/result-view.ts [--first N] [--cached N]` prints the numbers;
 * bench/queries.ts calls `measureResultView`.
 */

export interface Percentiles {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Growth over the baseline taken just before the first view, in bytes. */
export interface MemoryGrowth {
  /** The highest seen while the view was built (sampled every few milliseconds, and at its end). */
  peak: { rss: number; heap: number };
  /** After a full GC, the result still cached (what a server keeps per viewed result). */
  held: { rss: number; heap: number };
  /** After a full GC, the cache dropped (what leaks). */
  released: { rss: number; heap: number };
}

export interface ResultViewBench {
  engine: Engine;
  store: ResultStorage;
  zipBytes: number;
  first: Percentiles;
  cached: Percentiles;
  memory: MemoryGrowth | null;
}

export interface ResultViewBenchOptions {
  firstRuns?: number;
  cachedRuns?: number;
  /** Where the zip is stored; default: the database itself. */
  store?: ResultStoreSettings;
  /** Measure the memory of the first view (only meaningful in a process doing nothing else). */
  memory?: boolean;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { runs: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? 0) };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** `gc()` without asking the caller for --expose-gc. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function usage() {
  const m = process.memoryUsage();
  // Buffers live outside the JS heap: a zip's bytes count as `external`/`arrayBuffers`, not `heapUsed`.
  return { rss: m.rss, heap: m.heapUsed + m.external };
}

async function settle(gc: () => void) {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Loader = ReturnType<typeof createResultLoader>;

const growth = (now: { rss: number; heap: number }, base: { rss: number; heap: number }) => ({ rss: now.rss - base.rss, heap: now.heap - base.heap });

/** A first view with an empty cache: its time, and memory over the baseline at its peak, held, and released. */
async function probeFirstView(view: (loader: Loader) => Promise<void>): Promise<{ ms: number; memory: MemoryGrowth }> {
  const gc = collector();
  await settle(gc);
  const base = usage();
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const now = growth(usage(), base);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heap);
  };
  const sampler = setInterval(sample, 2);
  let loader: Loader | null = createResultLoader();
  const ms = await time(() => view(loader!));
  sample();
  clearInterval(sampler);
  await settle(gc);
  const held = growth(usage(), base);
  loader = null;
  await settle(gc);
  return { ms, memory: { peak, held, released: growth(usage(), base) } };
}

export interface SeededResult {
  processId: string;
  dossierId: string;
  zipBytes: number;
}

/** Stores the benchmark's 20 MB result in `settings`' store. */
export async function seedBenchResult(database: Database, settings: ResultStoreSettings): Promise<SeededResult> {
  const process = inconclusiveProcess();
  const processId = String(process.processId);
  const dossierId = `bench-${randomUUID()}`;
  const jpeg = noiseJpeg();
  const entries = inconclusiveZipEntries(process, { imageWidth: 64 }).filter((e) => !e.path.startsWith("media/"));
  const zip = await buildSampleZip([
    ...entries,
    ...["front", "back", "selfie", "portrait"].map((kind) => ({ path: `media/${kind}.jpg`, content: jpeg })),
  ]);
  await upsertProcess(database.db, { dossierId, process });
  await resultStore(database.db, settings).put(processId, zip);
  return { processId, dossierId, zipBytes: zip.byteLength };
}

export async function removeBenchResult(database: Database, settings: ResultStoreSettings, seeded: SeededResult): Promise<void> {
  await resultStore(database.db, settings).delete(seeded.processId);
  await database.db.delete(processes).where(eq(processes.processId, seeded.processId));
  await database.db.delete(dossiers).where(eq(dossiers.dossierId, seeded.dossierId));
}

/** First views (each with an empty cache, as after a restart), then cached views, of a seeded result. */
export async function measureSeededResult(database: Database, settings: ResultStoreSettings, seeded: SeededResult, options: ResultViewBenchOptions = {}): Promise<ResultViewBench> {
  const { db } = database;
  // The view reads through the app's store, which finds files where this process's settings say.
  configureResultStore(settings);
  const view = async (loader: Loader) => {
    const result = await getResultView(db, seeded.processId, loader);
    if (result.state !== "ready") throw new Error(`The benchmark's result is ${result.state}`);
  };
  const first: number[] = [];
  let memory: MemoryGrowth | null = null;
  if (options.memory) {
    const probe = await probeFirstView(view);
    first.push(probe.ms);
    memory = probe.memory;
  }
  for (let i = first.length; i < (options.firstRuns ?? 10); i++) first.push(await time(() => view(createResultLoader())));
  const loader = createResultLoader();
  await view(loader);
  const cached: number[] = [];
  for (let i = 0; i < (options.cachedRuns ?? 50); i++) cached.push(await time(() => view(loader)));
  return { engine: database.engine, store: settings.kind, zipBytes: seeded.zipBytes, first: percentiles(first), cached: percentiles(cached), memory };
}

/** Seeds, measures and removes in this process (bench/queries.ts); no memory figures, as this process did the seeding. */
export async function benchResultView(database: Database, options: ResultViewBenchOptions = {}): Promise<ResultViewBench> {
  const settings = options.store ?? { kind: "postgres", dir: tmpdir() };
  const seeded = await seedBenchResult(database, settings);
  try {
    return await measureSeededResult(database, settings, seeded, { ...options, memory: false });
  } finally {
    await removeBenchResult(database, settings, seeded);
  }
}

const MiB = 1024 * 1024;
/** The issue's target: a first view costs at most three times the zip. */
const MEMORY_TARGET = 3;

export function formatResultViewBench(bench: ResultViewBench): string {
  const line = (name: string, p: Percentiles) => `  ${name.padEnd(8)} p50 ${p.p50Ms.toFixed(1).padStart(7)} ms   p95 ${p.p95Ms.toFixed(1).padStart(7)} ms   (${p.runs} runs)`;
  const lines = [
    `${bench.engine} · ${bench.store} store · full-result view of a ${(bench.zipBytes / MiB).toFixed(1)} MiB zip`,
    line("first", bench.first),
    line("cached", bench.cached),
  ];
  if (bench.memory) {
    const { peak, held, released } = bench.memory;
    const times = (bytes: number) => `${(bytes / MiB).toFixed(0).padStart(4)} MiB ${(bytes / bench.zipBytes).toFixed(1).padStart(5)}×`;
    const worst = Math.max(peak.rss, peak.heap) / bench.zipBytes;
    lines.push(
      `  memory of the first view, growth over the baseline (× the zip; target ≤ ${MEMORY_TARGET}× at peak: ${worst <= MEMORY_TARGET ? "✓" : "✗"})`,
      `           ${"peak".padStart(16)} ${"after GC, cached".padStart(16)} ${"after GC, dropped".padStart(17)}`,
      `  RSS      ${times(peak.rss)} ${times(held.rss)}  ${times(released.rss)}`,
      `  heap+buf ${times(peak.heap)} ${times(held.heap)}  ${times(released.heap)}`,
    );
  }
  return lines.join("\n");
}

/** A database of its own (PGlite, or a fresh one on DATABASE_URL's server), dropped afterwards. */
async function withOwnDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const { createTestDatabase } = await import("../tests/support/test-database");
  const database = await createTestDatabase();
  try {
    return await work(database);
  } finally {
    await database.dispose();
  }
}

/** A result folder of its own, removed afterwards. */
async function withResultDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-results-"));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows bench/queries.ts prints: pass its database, or the view is measured on a database of its own. */
export async function measureResultView(database?: Database): Promise<{ name: string; p50: number; p95: number; reps: number }[]> {
  const run = (own: Database) =>
    withResultDir((dir) => benchResultView(own, { store: { kind: own.engine === "pglite" ? "filesystem" : "postgres", dir } }));
  const bench = database ? await run(database) : await withOwnDatabase(run);
  const mib = (bench.zipBytes / MiB).toFixed(0);
  return [
    { name: `result view, ${mib} MB zip, first (${bench.engine}, ${bench.store} store)`, p50: bench.first.p50Ms, p95: bench.first.p95Ms, reps: bench.first.runs },
    { name: `result view, ${mib} MB zip, cached (${bench.engine}, ${bench.store} store)`, p50: bench.cached.p50Ms, p95: bench.cached.p95Ms, reps: bench.cached.runs },
  ];
}

const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function serverReachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of runs`);
  return value;
}

interface MeasureJob {
  engine: Engine;
  /** The PostgreSQL database's URL, or PGlite's data folder. */
  location: string;
  settings: ResultStoreSettings;
  seeded: SeededResult;
  firstRuns: number;
  cachedRuns: number;
}

/**
 * The measuring process: it opens the database the parent seeded and views the result, nothing else, so
 * that its memory baseline is not a heap left large by building and storing the zip.
 */
async function runMeasure(job: MeasureJob) {
  const database = await openDatabase(job.engine === "postgres" ? { url: job.location, poolSize: 2 } : { dataDir: job.location });
  try {
    const bench = await measureSeededResult(database, job.settings, job.seeded, { memory: true, firstRuns: job.firstRuns, cachedRuns: job.cachedRuns });
    process.stdout.write(`${JSON.stringify(bench)}\n`);
  } finally {
    await database.close();
  }
}

function spawnMeasure(job: MeasureJob): Promise<ResultViewBench> {
  const args = [...process.execArgv, __filename, "--measure", JSON.stringify(job)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env: process.env });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as ResultViewBench);
      else reject(new Error(`the ${job.engine}/${job.settings.kind} measurement exited with ${code}`));
    });
  });
}

/** Seeds one engine and store here, measures in a child process, then removes what it made. */
async function benchPair(engine: Engine, kind: ResultStorage): Promise<ResultViewBench> {
  const support = await import("../tests/support/test-database");
  const root = mkdtempSync(path.join(tmpdir(), "bench-result-view-"));
  const settings = { kind, dir: path.join(root, "results") };
  try {
    // PGlite in a folder (not memory://) so that the measuring process can open it once this one closed it.
    const database = engine === "postgres" ? await support.createPostgresDatabase(SERVER_URL) : { ...(await openDatabase({ dataDir: root })), dispose: async () => {} };
    try {
      if (engine === "pglite") await migrateDatabase(database);
      const seeded = await seedBenchResult(database, settings);
      const location = engine === "postgres" ? database.url! : root;
      if (engine === "pglite") await database.close();
      return await spawnMeasure({ engine, location, settings, seeded, firstRuns: option("first", 10), cachedRuns: option("cached", 50) });
    } finally {
      await database.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main() {
  const measure = process.argv.indexOf("--measure");
  if (measure >= 0) return runMeasure(JSON.parse(process.argv[measure + 1]!) as MeasureJob);
  const server = new URL(SERVER_URL);
  const reachable = await serverReachable(SERVER_URL);
  const engines: Engine[] = reachable ? ["pglite", "postgres"] : ["pglite"];
  console.log(
    `engines: pglite${reachable ? `, postgres at ${server.host}` : ` only (PostgreSQL at ${server.host} is not reachable: not measured)`} · ` +
      `load ${loadavg().map((l) => l.toFixed(1)).join(", ")} · ${new Date().toISOString()}`,
  );
  const only = process.argv.indexOf("--only");
  const pairs = engines.flatMap((engine) => RESULT_STORAGES.map((kind) => [engine, kind] as const));
  for (const [engine, kind] of pairs) {
    if (only >= 0 && process.argv[only + 1] !== `${engine}/${kind}`) continue;
    console.log(formatResultViewBench(await benchPair(engine, kind)));
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
