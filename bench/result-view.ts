import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { encode } from "jpeg-js";
import type { Database } from "../db/client";
import { dossiers, processes } from "../db/schema";
import { upsertProcess } from "../lib/processes/upsert-process";
import { createResultLoader } from "../lib/results/load-result";
import { resultStore } from "../lib/results/result-store";
import { getResultView } from "../lib/results/result-view";
import { buildSampleZip } from "../lib/results/testing/sample-result";
import { inconclusiveProcess, inconclusiveZipEntries } from "../lib/results/testing/seed-sample";

/**
 * The full-result view of a ~20 MB zip (the JSON reports and four large JPEGs, stored uncompressed as Assure
 * and the simulator store pictures): first view (read from the database, unzip, build the view model) and
 * cached view (the same, served from the in-memory cache). `npx tsx bench/result-view.ts` prints the numbers;
 * bench/queries.ts calls `benchResultView` on its own database.
 */

export interface Percentiles {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface ResultViewBench {
  zipBytes: number;
  first: Percentiles;
  cached: Percentiles;
}

export interface ResultViewBenchOptions {
  firstRuns?: number;
  cachedRuns?: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { runs: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? 0) };
}

/** A camera-sized JPEG of noise: noise does not compress, so ~5 MB is what a real high-resolution scan weighs. */
function largeJpeg(width = 2200, height = 1600): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  let state = 20_261_126;
  for (let i = 0; i < data.length; i += 4) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    const v = state & 0xff;
    data[i] = v;
    data[i + 1] = (v * 7) & 0xff;
    data[i + 2] = (v * 13) & 0xff;
    data[i + 3] = 0xff;
  }
  return new Uint8Array(encode({ data, width, height }, 90).data);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function benchResultView(database: Database, options: ResultViewBenchOptions = {}): Promise<ResultViewBench> {
  const { db } = database;
  const process = inconclusiveProcess();
  const processId = String(process.processId);
  const dossierId = `bench-${randomUUID()}`;
  const jpeg = largeJpeg();
  const entries = inconclusiveZipEntries(process, { imageWidth: 64 }).filter((e) => !e.path.startsWith("media/"));
  const zip = await buildSampleZip([
    ...entries,
    ...["front", "back", "selfie", "portrait"].map((kind) => ({ path: `media/${kind}.jpg`, content: jpeg })),
  ]);
  await upsertProcess(db, { dossierId, process });
  await resultStore(db).put(processId, zip);
  try {
    const first: number[] = [];
    for (let i = 0; i < (options.firstRuns ?? 10); i++) {
      // A loader of its own each time: an empty cache, as on the first view after a restart.
      const loader = createResultLoader();
      first.push(await time(() => getResultView(db, processId, loader)));
    }
    const loader = createResultLoader();
    await getResultView(db, processId, loader);
    const cached: number[] = [];
    for (let i = 0; i < (options.cachedRuns ?? 50); i++) cached.push(await time(() => getResultView(db, processId, loader)));
    return { zipBytes: zip.byteLength, first: percentiles(first), cached: percentiles(cached) };
  } finally {
    // The process row cascades to its stored result.
    await db.delete(processes).where(eq(processes.processId, processId));
    await db.delete(dossiers).where(eq(dossiers.dossierId, dossierId));
  }
}

export function formatResultViewBench(bench: ResultViewBench): string {
  const line = (name: string, p: Percentiles) => `  ${name.padEnd(8)} p50 ${p.p50Ms.toFixed(1).padStart(7)} ms   p95 ${p.p95Ms.toFixed(1).padStart(7)} ms   (${p.runs} runs)`;
  return [`full-result view of a ${(bench.zipBytes / 1024 / 1024).toFixed(1)} MiB zip`, line("first", bench.first), line("cached", bench.cached)].join("\n");
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

/** The rows bench/queries.ts prints: pass its database, or the view is measured on a database of its own. */
export async function measureResultView(database?: Database): Promise<{ name: string; p50: number; p95: number; reps: number }[]> {
  const bench = database ? await benchResultView(database) : await withOwnDatabase((own) => benchResultView(own));
  const mib = (bench.zipBytes / 1024 / 1024).toFixed(0);
  return [
    { name: `result view, ${mib} MB zip, first`, p50: bench.first.p50Ms, p95: bench.first.p95Ms, reps: bench.first.runs },
    { name: `result view, ${mib} MB zip, cached`, p50: bench.cached.p50Ms, p95: bench.cached.p95Ms, reps: bench.cached.runs },
  ];
}

async function main() {
  await withOwnDatabase(async (database) => {
    console.log(`database: ${database.engine}`);
    console.log(formatResultViewBench(await benchResultView(database)));
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
