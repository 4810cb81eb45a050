import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { openDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { runRetention, SWEEP_PACE } from "../lib/retention/run-retention";
import { ensureReliabilityBuild, freePort, startDeskServer } from "../scripts/reliability/desk-server";
import { seedBenchmark } from "./queries-seed";
import { benchDatabaseUrl, databaseFromSeed, fmt, migrationsKey } from "./support/bench-database";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/retention.ts`: the retention purge at scale, on PostgreSQL (its own database,
 * `desk_bench_retention`, or `desk_bench_retention_<n>` for another size, copied each run from a seeded template kept between runs), against the production build (`.next-reliability`).
 *   1. seeds BENCH_PROCESSES (default 1,000,000) processes in dossiers of five, all final, with personal
 *      data in the look-up columns and `final_result`, and a stored zip (BENCH_ZIP_BYTES of incompressible
 *      bytes, default 4 KiB, stored out of line as real zips are) for 20% of them;
 *   2. the baseline: the webhook route under autocannon (10 connections, as fast as they are answered, or
 *      BENCH_WEBHOOK_RATE a second) for BENCH_BASELINE_S seconds,
 *      in 2-second windows;
 *   3. `RETENTION_DAYS=0 --apply` (the sweep's batch size and pause) while the same load runs: processes
 *      purged per second, and the webhook p99 over the purge's windows beside the baseline's.
 * Targets: ≥ 2,000 processes/s; webhook p99 ≤ 50 ms during the purge. Not a test: the numbers depend on the
 * machine and its load. BENCH_PROCESSES=5000 makes a smoke run of a minute; BENCH_WEBHOOKS=0 measures the
 * purge alone (no build, no desk server, no load). The seeded template is kept and copied by later runs.
 */

const SECRET = "bench-webhook-secret-0123456789";
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1_000_000);
// A smoke run has a database (and a seeded template) of its own: it must not replace the million's.
const DATABASE = PROCESSES === 1_000_000 ? "desk_bench_retention" : `desk_bench_retention_${PROCESSES}`;
const ZIP_BYTES = Number(process.env.BENCH_ZIP_BYTES ?? 4096);
const BASELINE_S = Number(process.env.BENCH_BASELINE_S ?? 20);
const WINDOW_S = 2;
/**
 * Unset: the webhooks come as fast as 10 connections are answered, which saturates the machine, so that their
 * p99 measures the machine's speed as much as the purge's effect (on a machine whose HTTP path is half as fast,
 * the baseline alone is twice as slow). BENCH_WEBHOOK_RATE=N sends N a second across the 10 connections
 * instead (autocannon's overallRate): the intake a busy desk sees, with cores to spare, where what the purge
 * takes from it shows.
 */
const WEBHOOK_RATE = process.env.BENCH_WEBHOOK_RATE ? Number(process.env.BENCH_WEBHOOK_RATE) : undefined;
const WITH_WEBHOOKS = process.env.BENCH_WEBHOOKS !== "0";
/** The sweep's own pace unless BENCH_PACE ("dossiers,pauseMs") tries another (printed with the figures). */
const PACE = process.env.BENCH_PACE
  ? { batchSize: Number(process.env.BENCH_PACE.split(",")[0]), pauseMs: Number(process.env.BENCH_PACE.split(",")[1]) }
  : SWEEP_PACE;
const log = (line: string) => console.log(line);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

/** Every process final, personal data in the JSON columns too, and a zip for one in five. */
async function seed(database: Database): Promise<void> {
  await seedBenchmark(database, { processes: PROCESSES, dossiers: Math.max(1, Math.floor(PROCESSES / 5)) }, log);
  log("  making every process final, with personal data in final_result…");
  await database.query(
    `update processes set status = case when status in ('pending', 'processing') then 'accepted'::process_status else status end,
            final_result = case when first_name is not null then
              jsonb_build_object('firstName', first_name, 'lastName', last_name, 'documentNumber', document_number, 'dateOfBirth', date_of_birth) end`,
  );
  log(`  storing ${fmt(PROCESSES / 5)} zips of ${fmt(ZIP_BYTES)} bytes…`);
  // md5 chains give incompressible bytes, so each zip is stored out of line (TOAST) as real ones are.
  const md5s = Math.ceil(ZIP_BYTES / 16);
  await database.query(
    `insert into process_results (process_id, storage, content, size_bytes, sha256)
     select process_id, 'postgres', substring(decode(string_agg(md5(process_id || i), '' order by i), 'hex') from 1 for $1::int), $1::int, md5(process_id)
       from (select process_id from processes where hashtext(process_id) % 5 = 0) p
       cross join generate_series(1, $2::int) i
      group by process_id`,
    [ZIP_BYTES, md5s],
  );
  await database.query("vacuum analyze");
}

function eventBody(): string {
  const id = randomUUID();
  return JSON.stringify({
    id,
    timestamp: "2024-05-01T10:00:00Z",
    sender: "signicat.assure",
    eventName: "assure.process.completed",
    eventData: { dossierId: "6f1c2a9e-3d4b-4c8e-9a51-0b7d2e4f8c13", processId: id, status: "accepted" },
    expiresAt: "2024-05-02T10:00:00Z",
  });
}

interface Window {
  requests: number;
  p99: number;
  non2xx: number;
}

function window(url: string): Promise<Window> {
  return autocannon({
    url,
    connections: 10,
    duration: WINDOW_S,
    ...(WEBHOOK_RATE ? { overallRate: WEBHOOK_RATE } : {}),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
        setupRequest: (request) => ({ ...request, body: eventBody() }),
      },
    ],
  }).then((r) => ({ requests: r["2xx"], p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts }));
}

/** Load in 2-second windows until `until` says stop; each window's p99 is kept. */
async function loadWhile(url: string, until: () => boolean): Promise<Window[]> {
  const windows: Window[] = [];
  while (!until()) windows.push(await window(url));
  return windows;
}

function summarise(windows: Window[]): string {
  const p99s = windows.map((w) => w.p99).sort((a, b) => a - b);
  const requests = windows.reduce((s, w) => s + w.requests, 0);
  const failed = windows.reduce((s, w) => s + w.non2xx, 0);
  const median = p99s[Math.floor(p99s.length / 2)] ?? 0;
  return `${windows.length} windows, ${fmt(requests / (windows.length * WINDOW_S))} acknowledged/s, p99 median ${median} ms, worst ${p99s.at(-1) ?? 0} ms, ${failed} failed`;
}

async function report(database: Database) {
  const [left] = await database.query<{ n: string; zips: string }>(
    "select (select count(*) from processes where purged_at is null or first_name is not null or final_result is not null) as n, (select count(*) from process_results) as zips",
  );
  log(`processes still holding personal data: ${left?.n ?? "?"}; zips left: ${left?.zips ?? "?"}`);
}

async function main() {
  log(`Retention benchmark: ${fmt(PROCESSES)} final processes, 20% with zips, on ${DATABASE}; batches of ${PACE.batchSize} dossiers, ${PACE.pauseMs} ms apart${PACE === SWEEP_PACE ? " (the sweep's pace)" : ""}; webhooks ${WEBHOOK_RATE ? `at ${fmt(WEBHOOK_RATE)}/s` : "as fast as 10 connections are answered"}`);
  if (WITH_WEBHOOKS) ensureReliabilityBuild(log);
  await databaseFromSeed(DATABASE, `processes=${PROCESSES} zip=${ZIP_BYTES} migrations=${migrationsKey()}`, async (url) => {
    const seeding = await openDatabase({ url, poolSize: 4 });
    try {
      await migrateDatabase(seeding);
      await seed(seeding);
    } finally {
      await seeding.close();
    }
  }, log);
  const database = await openDatabase({ url: benchDatabaseUrl(DATABASE), poolSize: 4 });
  if (!WITH_WEBHOOKS) {
    log(`purging (load average ${load()})…`);
    const started = Date.now();
    const summary = await runRetention(database, { days: 0, apply: true, ...PACE });
    const seconds = (Date.now() - started) / 1000;
    log(`load average at the end: ${load()}`);
    log(`purged ${fmt(summary.processes)} processes (${fmt(summary.zips)} zips) in ${fmt(seconds, 1)} s: ${fmt(summary.processes / seconds)} processes/s (target ≥ 2,000)`);
    await report(database);
    await database.close();
    return;
  }

  const port = await freePort();
  const desk = await startDeskServer(port, { DATABASE_URL: benchDatabaseUrl(DATABASE), ASSURE_WEBHOOK_SECRET: SECRET, WORKER_IN_PROCESS: "0", PORT: String(port) });
  const url = `${desk.url}/api/webhooks/assure`;
  try {
    await window(url); // warm the route, the pool and the JIT
    const baselineEnd = Date.now() + BASELINE_S * 1000;
    const baseline = await loadWhile(url, () => Date.now() >= baselineEnd);

    let purging = true;
    log(`purging (load average ${load()})…`);
    const started = Date.now();
    const [summary, during] = await Promise.all([
      runRetention(database, { days: 0, apply: true, ...PACE }).finally(() => {
        purging = false;
      }),
      loadWhile(url, () => !purging),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const rate = summary.processes / seconds;

    log("");
    log(`load average at the end: ${load()}`);
    log(`purged ${fmt(summary.processes)} processes (${fmt(summary.zips)} zips) in ${fmt(summary.dossiers)} dossiers in ${fmt(seconds, 1)} s: ${fmt(rate)} processes/s (target ≥ 2,000)`);
    log(`webhooks without the purge: ${summarise(baseline)}`);
    log(`webhooks during the purge:  ${summarise(during)} (target p99 ≤ 50 ms)`);
    await report(database);
  } finally {
    await desk.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
