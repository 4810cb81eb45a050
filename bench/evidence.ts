import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gatherEvidence } from "../lib/evidence/gather-evidence";
import { renderEvidencePdf } from "../lib/evidence/render-evidence";
import { upsertProcess } from "../lib/processes/upsert-process";
import { createResultLoader } from "../lib/results/load-result";
import { configureResultStore, RESULT_STORAGES, type ResultStorage } from "../lib/results/result-store-settings";
import { resultStore } from "../lib/results/result-store";
import { recordReviewDecision } from "../lib/reviews/review-decisions";
import { buildSampleZip } from "../lib/results/testing/sample-result";
import { inconclusiveProcess, inconclusiveZipEntries } from "../lib/results/testing/seed-sample";
import { staffCtx } from "../tests/support/staff";
import { createPgliteDatabase, createPostgresDatabase } from "../tests/support/test-database";
import { noiseJpeg } from "./support/noise-jpeg";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/evidence.ts`: the evidence pack of a dossier of three
 * processes, each with a ~20 MB full-result zip (four camera-sized JPEGs of noise, which do not compress:
 * the worst case for the picture shrinking, and distinct per process so nothing is shrunk once for all),
 * from the request to the PDF's last byte, with the result cache empty each time (as after a restart).
 * Prints p50/p95 against the target (≤ 2 s), the memory growth of a run, and the CPU this process spent on
 * it (every thread: the pictures shrink in libuv's pool) with the load average beside it, since on a
 * shared machine the wall time says as much about the neighbours as about the pack. Not a test.
 * The first pack after start (loading sharp, the fonts and react-pdf) is printed apart and not counted.
 * Settings: BENCH_RUNS (default 5, after that first one), BENCH_ENGINE=postgres|pglite (default postgres: DATABASE_URL or the
 * local server), RESULT_STORE=postgres|filesystem (default: the desk's default for the engine).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENGINE = process.env.BENCH_ENGINE === "pglite" ? "pglite" : "postgres";
const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const STORE: ResultStorage = RESULT_STORAGES.find((s) => s === process.env.RESULT_STORE) ?? (ENGINE === "postgres" ? "postgres" : "filesystem");
const TARGET_MS = 2000;
const MiB = 1024 * 1024;
const log = (line: string) => console.log(line);

function usage() {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external };
}

const gc = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

async function main() {
  const root = mkdtempSync(path.join(tmpdir(), "bench-evidence-"));
  configureResultStore({ kind: STORE, dir: path.join(root, "results") });
  const database = ENGINE === "postgres" ? await createPostgresDatabase(SERVER_URL) : await createPgliteDatabase();
  try {
    const compliance = await staffCtx(database.db, "compliance");
    const dossierId = `bench-${Date.now()}`;
    log(`Seeding a dossier of three processes with ~20 MB zips (${ENGINE}, ${STORE} store)…`);
    let zipBytes = 0;
    for (let p = 0; p < 3; p++) {
      const process = inconclusiveProcess();
      const processId = String(process.processId);
      const entries = inconclusiveZipEntries(process, { imageWidth: 64 }).filter((e) => !e.path.startsWith("media/"));
      const media = ["front", "back", "selfie", "portrait"].map((kind, k) => ({ path: `media/${kind}.jpg`, content: noiseJpeg(1 + p * 10 + k) }));
      const zip = await buildSampleZip([...entries, ...media]);
      zipBytes += zip.byteLength;
      await upsertProcess(database.db, { dossierId, process });
      await resultStore(database.db).put(processId, zip);
      await recordReviewDecision(compliance, { processId, decision: "reject", reasonCategory: "document_suspicious", note: `Bench decision ${p}` }, { fourEyes: false });
    }
    log(`  ${(zipBytes / MiB).toFixed(1)} MiB of zips`);

    const times: number[] = [];
    const cpus: number[] = [];
    const growth: { rss: number; heap: number }[] = [];
    let pdfBytes = 0;
    // Run 0 is the first pack after start (it loads sharp, the fonts and react-pdf): printed, not counted.
    for (let run = 0; run <= RUNS; run++) {
      gc();
      const base = usage();
      const peak = { rss: 0, heap: 0 };
      const sample = () => {
        const now = usage();
        peak.rss = Math.max(peak.rss, now.rss - base.rss);
        peak.heap = Math.max(peak.heap, now.heap - base.heap);
      };
      const sampler = setInterval(sample, 5);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const pack = await gatherEvidence(compliance, { dossierId }, createResultLoader());
      const gathered = performance.now() - started;
      const reader = (await renderEvidencePdf(pack)).getReader();
      pdfBytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) pdfBytes += chunk.value.byteLength;
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      sample();
      clearInterval(sampler);
      if (run > 0) {
        times.push(ms);
        cpus.push(cpuMs);
        growth.push(peak);
      }
      log(
        `  ${run === 0 ? "first pack after start (not counted)" : `run ${run}`}: ${ms.toFixed(0)} ms (gathered in ${gathered.toFixed(0)} ms, then rendered), CPU ${cpuMs.toFixed(0)} ms, PDF ${(pdfBytes / 1024).toFixed(0)} KiB, ` +
          `memory growth at peak: RSS ${(peak.rss / MiB).toFixed(0)} MiB, heap + buffers ${(peak.heap / MiB).toFixed(0)} MiB, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    const worst = growth.reduce((m, g) => ({ rss: Math.max(m.rss, g.rss), heap: Math.max(m.heap, g.heap) }), { rss: 0, heap: 0 });
    log(`\nEvidence pack, 3 processes, ${(zipBytes / MiB).toFixed(0)} MiB of zips (${ENGINE}, ${STORE} store), ${RUNS} runs`);
    const cpuSorted = [...cpus].sort((a, b) => a - b);
    log(`  p50 ${at(0.5).toFixed(0)} ms   p95 ${at(0.95).toFixed(0)} ms   PDF ${(pdfBytes / 1024).toFixed(0)} KiB`);
    log(`  CPU of this process a run (all threads): median ${cpuSorted[Math.floor((cpuSorted.length - 1) / 2)]!.toFixed(0)} ms, worst ${cpuSorted.at(-1)!.toFixed(0)} ms`);
    log(`  memory growth at peak (worst run): RSS ${(worst.rss / MiB).toFixed(0)} MiB, heap + buffers ${(worst.heap / MiB).toFixed(0)} MiB`);
    log(`\nTargets\n  ${at(0.95) <= TARGET_MS ? "✓" : "✗"} p95 ≤ ${TARGET_MS} ms`);
    log(`Load average: ${loadavg().map((l) => l.toFixed(1)).join(", ")}`);
  } finally {
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  // The figures are printed: end here rather than wait for pools (database, sharp's threads) to wind down.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
