import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os, { loadavg } from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { storeResultContents } from "../lib/processes/result-contents";
import { fillLookupFromResult } from "../lib/processes/lookup-from-result";
import { upsertProcess } from "../lib/processes/upsert-process";
import { resultStore } from "../lib/results/result-store";
import { configureResultStore } from "../lib/results/result-store-settings";
import { buildSampleZip } from "../lib/results/testing/sample-result";
import { inconclusiveProcess, inconclusiveZipEntries } from "../lib/results/testing/seed-sample";
import { benchDatabaseUrl, fmt, recreateBenchDatabase } from "./support/bench-database";
import { cpuPerItem, cpuSnapshot } from "./support/cpu-accounting";
import { noiseJpeg } from "./support/noise-jpeg";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/findings.ts`: what writing the findings costs the result
 * stage. The stage's own steps after the download (lib/processes/refresh-process.ts `downloadResult`) on the
 * PostgreSQL server, on connections opened as the pump opens its own (asynchronous commits), a zip as BENCH_ZIP says (below), into the
 * store such a desk writes to (PostgreSQL; RESULT_STORE=filesystem for files), BENCH_RESULTS zips (default 2,000; the demo's inconclusive result with 1280 px pictures)
 * on BENCH_CONCURRENCY lanes (default 4): store the zip and fill the look-up columns, then the same with the
 * zip opened once for both and its findings written in one insert. Target: with findings ≥ 90% of the
 * throughput without. Prints; asserts nothing. Alternates the two, so drift on a busy machine hits both.
 */

const RESULTS = Number(process.env.BENCH_RESULTS ?? 2_000);
const LANES = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = 4;
const STORE = process.env.RESULT_STORE === "filesystem" ? "filesystem" : "postgres";
/**
 * `demo` (default): the demo's result, 161 KiB. `camera`: the same with the document's front and back as a
 * phone camera takes them (1600 × 1000 pictures that do not compress, as real scans do not), a few MB as
 * real full results are: the findings' cost is the same, the rest of the stage grows with the zip.
 */
const ZIP_KIND = process.env.BENCH_ZIP === "camera" ? "camera" : "demo";
const DATABASE = "desk_bench_findings";

async function withoutFindings(db: Db, processId: string, zip: Uint8Array) {
  await resultStore(db).put(processId, zip);
  await fillLookupFromResult(db, processId, zip);
}

/** The result stage's own steps (lib/processes/refresh-process.ts). */
async function withFindings(db: Db, processId: string, zip: Uint8Array) {
  await resultStore(db).put(processId, zip);
  await storeResultContents(db, processId, zip, "first");
}

interface Rate {
  perSecond: number;
  /** CPU milliseconds per result: this process (the stage's Node.js side) and every PostgreSQL backend. */
  node: number;
  postgres: number;
}

async function run(db: Db, ids: string[], zip: Uint8Array, step: typeof withFindings): Promise<Rate> {
  let next = 0;
  const before = cpuSnapshot({});
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < ids.length) await step(db, ids[next++]!, zip);
    }),
  );
  const perSecond = ids.length / ((performance.now() - started) / 1000);
  const cpu = cpuPerItem(before, cpuSnapshot({}), ids.length);
  return { perSecond, node: cpu["load generator"] ?? 0, postgres: cpu.postgres ?? 0 };
}

async function main() {
  await recreateBenchDatabase(DATABASE);
  const setup = await openDatabase({ url: benchDatabaseUrl(DATABASE), poolSize: 2 });
  await migrateDatabase(setup);
  await setup.close();
  // The stage runs on the pump's own connections (lib/webhooks/pump-database.ts): asynchronous commits, and
  // two per lane, since the look-up fill and the findings write go at once.
  const database = await openDatabase({ url: benchDatabaseUrl(DATABASE), poolSize: LANES * 2, asyncCommit: true });
  // The store a desk on a PostgreSQL server writes to by default (lib/results/result-store-settings.ts);
  // without this the bench would take the embedded database's default, files, whatever DATABASE_URL says.
  const filesDir = path.join(os.tmpdir(), "desk-bench-findings");
  configureResultStore({ kind: STORE, dir: filesDir });
  const process = inconclusiveProcess();
  const camera = ZIP_KIND === "camera" ? [{ path: "media/front-original.jpg", content: noiseJpeg(1, 1600, 1000) }, { path: "media/back-original.jpg", content: noiseJpeg(2, 1600, 1000) }] : [];
  const zip = await buildSampleZip(inconclusiveZipEntries(process, { imageWidth: 1280, extra: camera }));
  const perRound = Math.ceil(RESULTS / ROUNDS / 2);
  const processIds = async () => {
    const ids: string[] = [];
    for (let i = 0; i < perRound; i++) {
      const p = inconclusiveProcess();
      await upsertProcess(database.db, { dossierId: randomUUID(), process: p });
      ids.push(String(p.processId));
    }
    return ids;
  };
  console.log(`Result stage after the download: ${fmt(perRound * ROUNDS * 2)} zips of ${fmt(zip.byteLength / 1024)} KiB (${ZIP_KIND}) into the ${STORE} store, ${LANES} lanes, load ${loadavg()[0]!.toFixed(1)}.`);
  const rates = { without: [] as Rate[], with: [] as Rate[] };
  const show = (r: Rate) => `${fmt(r.perSecond, 1)}/s (CPU per result: stage ${fmt(r.node, 2)} ms, PostgreSQL ${fmt(r.postgres, 2)} ms)`;
  for (let round = 0; round < ROUNDS; round++) {
    rates.without.push(await run(database.db, await processIds(), zip, withoutFindings));
    rates.with.push(await run(database.db, await processIds(), zip, withFindings));
    console.log(`  round ${round + 1}: without ${show(rates.without.at(-1)!)}, with findings ${show(rates.with.at(-1)!)}`);
  }
  const mean = (xs: Rate[]): Rate => ({
    perSecond: xs.reduce((a, b) => a + b.perSecond, 0) / xs.length,
    node: xs.reduce((a, b) => a + b.node, 0) / xs.length,
    postgres: xs.reduce((a, b) => a + b.postgres, 0) / xs.length,
  });
  const [without, withIt] = [mean(rates.without), mean(rates.with)];
  const ratio = withIt.perSecond / without.perSecond;
  console.log(`Without findings ${show(without)}; with ${show(withIt)}: ${fmt(ratio * 100, 1)}% (target ≥ 90%: ${ratio >= 0.9 ? "met" : "MISSED"}).`);
  await database.close();
  rmSync(filesDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
