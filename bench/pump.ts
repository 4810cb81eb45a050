import { readFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { migrateDatabase } from "../db/migrate";
import { createAssureClient } from "../lib/assure/client";
import { drainInbox, type InboxStage, type ResultContents } from "../lib/webhooks/inbox-worker";
import { openPumpDatabase } from "../lib/webhooks/pump-database";
import { openDatabase } from "../db/client";
import { benchDatabaseUrl, fmt, recreateBenchDatabase } from "./support/bench-database";
import { cpuSnapshot } from "./support/cpu-accounting";
import { startSimulatorProcess } from "./support/simulator-process";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/pump.ts`: what the inbox pump itself costs per
 * notification, without the web server or a load generator beside it. BENCH_PROCESSES (2,000) final processes
 * with BENCH_IMAGE_WIDTH (96) px pictures are made in the simulator (a process of its own, answering at once) and their
 * notifications written straight into the inbox of a fresh PostgreSQL database (`desk_bench_pump`); then the
 * status stage drains them, then the result stage, each as the pump's lanes do (its own asynchronously
 * committing connections, BENCH_CONCURRENCY rows in flight). The result stage, after one untimed chunk and an
 * ANALYZE (as on a desk that has run a minute), runs in BENCH_RESULT_ROUNDS (4) pairs of equal chunks, one with
 * its findings written and one without (the look-up columns only, the stage before findings), alternating
 * which goes first: the findings' cost is the ratio of the two rates, printed
 * against its target (with them ≥ 90% of the rate without). Printed per stage: notifications/s, and CPU
 * milliseconds per notification of this process (the pump), of PostgreSQL's backends serving it, and of
 * the simulator; and the statements per notification from pg_stat_statements when the server loads it.
 * BENCH_PROFILE=status (or result) writes this process's CPU profile around that stage's drain.
 * Not a test: the numbers depend on the machine and its load.
 */

const DATABASE = "desk_bench_pump";
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
/** The result stage's chunks, with findings and without, alternating. */
const RESULT_ROUNDS = Number(process.env.BENCH_RESULT_ROUNDS ?? 4);
/** The simulator's pictures, in pixels wide: 96 makes the smallest zips, the worst case for the findings' share. */
const IMAGE_WIDTH = Number(process.env.BENCH_IMAGE_WIDTH ?? 96);
const log = (line: string) => console.log(line);
// Zips where the default deployment on PostgreSQL keeps them, unless RESULT_STORE says otherwise.
process.env.RESULT_STORE ??= "postgres";

/** CPU milliseconds of these pids so far (utime + stime from /proc; USER_HZ is 100). */
function cpuMs(pids: number[]): number {
  let ms = 0;
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      ms += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // ended meanwhile
    }
  }
  return ms;
}

const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function main() {
  await recreateBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const main = await openDatabase({ url, poolSize: 2 });
  await migrateDatabase(main);
  const pump = await openPumpDatabase(main, 6);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  // Counted only where the server loads pg_stat_statements (shared_preload_libraries).
  // The extension can be created where the library is not loaded; only then does its reset fail.
  const statementsAvailable = await admin`create extension if not exists pg_stat_statements`
    .then(() => admin`select pg_stat_statements_reset()`)
    .then(
      () => true,
      () => false,
    );
  const sim = await startSimulatorProcess(process.cwd(), IMAGE_WIDTH);
  try {
    const bulk = await fetch(`${sim.url}/__sim/bulk`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: PROCESSES, delayMs: 0, prerenderMedia: true, mix: { accepted: 1 } }),
    });
    const { items } = (await bulk.json()) as { items: { dossierId: string; processId: string }[] };
    const assure = createAssureClient({ baseUrl: `${sim.url}/assure`, tokenUrl: `${sim.url}/auth/open/connect/token`, clientId: "desk-demo-client", clientSecret: "desk-demo-secret" });
    await assure.listDossiers();
    for (let at = 0; at < items.length; at += 500) {
      const rows = items.slice(at, at + 500).map((item) => ({
        dedupe_key: `bench:${item.processId}`,
        body: { dossierId: item.dossierId, processId: item.processId, status: "accepted" },
        headers: {},
        dossier_id: item.dossierId,
        process_id: item.processId,
        hinted_status: "accepted",
      }));
      await admin`insert into webhook_inbox ${admin(rows)}`;
    }
    // Warm the pump's connections, statements and the simulator's token with a few rows first.
    await drainInbox(pump.db, assure, { stage: "status", deferResults: true, concurrency: 8, batchSize: 8, maxRounds: 1 });
    await drainInbox(pump.db, assure, { stage: "result", concurrency: 8, batchSize: 8, maxRounds: 1 });
    // tsx runs the simulator in a child process of its own: count the tree.
    const simulatorCpu = () => cpuSnapshot({ simulator: sim.child.pid }).simulator ?? 0;
    const backends = (await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${DATABASE} and pid <> pg_backend_pid()`).map((r) => r.pid);

    type Row = { label: string; count: number; seconds: number; pump: number; postgres: number; simulator: number; statements: number };
    const results: Row[] = [];
    /** One drain of a stage, measured: rows/s, CPU per row of the pump, PostgreSQL and the simulator, statements per row. */
    const measure = async (label: string, stage: InboxStage, resultContents?: ResultContents): Promise<Row> => {
      if (statementsAvailable) await admin`select pg_stat_statements_reset()`;
      const before = { pump: ownCpuMs(), postgres: cpuMs(backends), simulator: simulatorCpu() };
      const session = process.env.BENCH_PROFILE === stage ? await startProfile() : undefined;
      const started = performance.now();
      const summary = await drainInbox(pump.db, assure, {
        stage,
        deferResults: stage === "status",
        resultContents,
        concurrency: CONCURRENCY,
        batchSize: 32,
        maxRounds: Number.POSITIVE_INFINITY,
      });
      const seconds = (performance.now() - started) / 1000;
      await session?.stop();
      const count = summary.done + summary.deferred;
      if (summary.failed + summary.dead > 0) throw new Error(`${label}: ${summary.failed} failed, ${summary.dead} dead`);
      const [calls] = statementsAvailable
        ? await admin<{ n: string }[]>`select coalesce(sum(calls), 0) as n from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ${DATABASE} and query not like '%pg_stat_statements%'`
        : [];
      return {
        label,
        count,
        seconds,
        pump: (ownCpuMs() - before.pump) / count,
        postgres: (cpuMs(backends) - before.postgres) / count,
        simulator: (simulatorCpu() - before.simulator) / count,
        statements: calls ? Number(calls.n) / count : Number.NaN,
      };
    };

    results.push(await measure("status", "status"));
    // The result stage in RESULT_ROUNDS pairs of chunks, with its findings and without (the stage as it was
    // before them: the look-up columns only), alternating which goes first so that drift hits both.
    await admin`update webhook_inbox set next_attempt_at = 'infinity' where stage = 'result'`;
    const chunk = Math.floor(items.length / (2 * RESULT_ROUNDS + 1));
    /** Makes the next `chunk` waiting result rows due. */
    const releaseChunk = () => admin`update webhook_inbox set next_attempt_at = now() where id in (select id from webhook_inbox where stage = 'result' and next_attempt_at = 'infinity' order by id limit ${chunk})`;
    // A desk that has run for a minute has its tables analyzed. Before that, PostgreSQL plans the stage's
    // statements by guesses for empty tables and each connection keeps the plan it made (a whole-table read of
    // process_findings per findings write, 801 of them in 6,000 results), until an ANALYZE replans them. The
    // stage is measured as it runs on such a desk: one untimed chunk stored first, then ANALYZE.
    await releaseChunk();
    await drainInbox(pump.db, assure, { stage: "result", concurrency: CONCURRENCY, batchSize: 32, maxRounds: Number.POSITIVE_INFINITY });
    await admin`analyze`;
    const runs: Record<ResultContents, Row[]> = { findings: [], "lookup-only": [] };
    for (let round = 0; round < RESULT_ROUNDS; round++) {
      const order: ResultContents[] = round % 2 === 0 ? ["findings", "lookup-only"] : ["lookup-only", "findings"];
      for (const kind of order) {
        await releaseChunk();
        runs[kind].push(await measure(kind, "result", kind));
      }
    }
    const total = (rows: Row[], label: string): Row => {
      const count = rows.reduce((a, r) => a + r.count, 0);
      const weighted = (key: "pump" | "postgres" | "simulator" | "statements") => rows.reduce((a, r) => a + r[key] * r.count, 0) / count;
      return { label, count, seconds: rows.reduce((a, r) => a + r.seconds, 0), pump: weighted("pump"), postgres: weighted("postgres"), simulator: weighted("simulator"), statements: weighted("statements") };
    };
    const withFindings = total(runs.findings, "result");
    const without = total(runs["lookup-only"], "result without findings");
    results.push(withFindings, without);

    const [zips] = await admin<{ kib: number }[]>`select coalesce(avg(size_bytes), 0)::float8 / 1024 as kib from process_results`;
    log(`Inbox pump — PostgreSQL ${DATABASE}, ${fmt(PROCESSES)} accepted processes with zips of ${fmt(zips?.kib ?? 0, 1)} KiB on average (${IMAGE_WIDTH} px pictures, RESULT_STORE=${process.env.RESULT_STORE}), ${CONCURRENCY} rows in flight; load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
    log("stage                     notifications/s   CPU ms per notification: pump  PostgreSQL  simulator   statements each");
    for (const r of results) {
      log(
        `${r.label.padEnd(25)} ${fmt(r.count / r.seconds).padStart(15)}   ${fmt(r.pump, 2).padStart(30)}  ${fmt(r.postgres, 2).padStart(10)}  ${fmt(r.simulator, 2).padStart(9)}   ${Number.isNaN(r.statements) ? "(no pg_stat_statements)" : fmt(r.statements, 1).padStart(15)}`,
      );
    }
    const ratio = withFindings.count / withFindings.seconds / (without.count / without.seconds);
    log(`findings: the result stage with them runs at ${fmt(ratio * 100, 1)}% of its rate without (target ≥ 90%: ${ratio >= 0.9 ? "met" : "MISSED"}); rounds: ${runs.findings.map((r, i) => `${fmt((r.count / r.seconds / (runs["lookup-only"][i]!.count / runs["lookup-only"][i]!.seconds)) * 100)}%`).join(", ")}`);
  } finally {
    sim.child.kill("SIGTERM");
    await admin.end({ timeout: 5 });
    await pump.close();
    await main.close();
  }
}

/** This process's CPU profile around the drains only, written to the working folder when stopped. */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      const file = `pump-${Date.now()}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      log(`CPU profile: ${file}`);
      session.disconnect();
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
