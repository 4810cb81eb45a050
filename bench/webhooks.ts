import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { createAssureClient } from "../lib/assure/client";
import { ensureReliabilityBuild, freePort, RELIABILITY_DIST_DIR, startDeskServer, type DeskServer } from "../scripts/reliability/desk-server";
import { benchDatabaseUrl, fmt, recreateBenchDatabase } from "./support/bench-database";
import { childProcesses, cpuPerItem, cpuSnapshot, rssMiB } from "./support/cpu-accounting";
import { createWindows, generatorUse, percentile } from "./support/latency";
import { startSimulatorProcess } from "./support/simulator-process";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/webhooks.ts`: what the webhook path does on this machine, on
 * PostgreSQL (its own database, `desk_bench_webhooks`, recreated each run), against the production build
 * (`.next-reliability`; the tracked tsconfig.json that `next build` rewrites for it is put back).
 *   1. the webhook route under autocannon at 10 and 50 connections, ~300-byte unique bodies, with
 *      processing left to workers (WORKER_IN_PROCESS=0): acknowledged/s, p50/p99, BENCH_ROUTE_SECONDS each;
 *   2. beside it, in the same run, a bare route (/api/bench/bare: reads the body, answers 202). The ratio is
 *      against that run, not a ceiling: autocannon, the server and PostgreSQL share the machine's cores, so
 *      the load generator's own CPU share is printed with it. The bare route goes through Next.js; the
 *      webhook, since `npm start` serves it from its own listener in front of Next.js (scripts/serve.ts),
 *      does not, so the ratio above 100% is the part of Next.js's request handling the webhook no longer pays;
 *   3. raw single-row INSERTs into the inbox through postgres.js at 8 connections;
 *   4. notification → stored final status, sustained for BENCH_SECONDS (default 60) at 500 notifications/s
 *      (BENCH_E2E_RATES, e.g. "500,150"), the simulator answering in 100 ms: the default deployment —
 *      `npm start` itself (scripts/start.ts, one server and the worker it manages) — and a server beside one
 *      `npm run worker` (WORKER_IN_PROCESS=0). Acknowledgement p50/p99 over the whole run and the worst
 *      10-second window, status stored p50/p95, zip stored p50/p95 and the rows done a second, the server's
 *      RSS before and after, CPU by role.
 * The simulator runs as a process of its own with small pictures (SIMULATOR_IMAGE_WIDTH=96), made when its
 * bulk run creates the processes (prerenderMedia), as Assure holds uploaded pictures before it notifies.
 * Notifications are sent over 64 keep-alive connections, as a real sender pools them.
 * Each end-to-end run starts after 50 warm-up notifications are processed (a cold worker is not the
 * steady state). BENCH_DEBUG=1 prints the stored latency per second of sending (where a backlog builds).
 * Prints the targets beside the figures. Not a test: the numbers depend on the machine and its load.
 */

const DATABASE = "desk_bench_webhooks";
const SECRET = "bench-webhook-secret-0123456789";
/** Each autocannon load. */
const DURATION_S = Number(process.env.BENCH_ROUTE_SECONDS ?? 10);
/** The target rate; others (e.g. below the simulator's own ceiling, printed) by BENCH_E2E_RATES. */
const E2E_RATES = (process.env.BENCH_E2E_RATES ?? "500").split(",").map(Number);
/** The target is sustained for 60 s; a few seconds smoke-test the benchmark itself. */
const E2E_SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ROOT = process.cwd();
const log = (line: string) => console.log(line);

async function recreateDatabase(): Promise<void> {
  await recreateBenchDatabase(DATABASE);
  const database = await openDatabase({ url: benchDatabaseUrl(DATABASE), poolSize: 2 });
  await migrateDatabase(database);
  await database.close();
}

/** ~300 bytes, the Signicat Events form, unique per request. */
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
const BODY_BYTES = eventBody().length;

interface Load {
  ackPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The load generator's (this process's) CPU time over the run's wall time: 1 = one core. */
  generatorCores: number;
  /** The load generator's share of all the CPU time the machine used meanwhile. */
  generatorShare: number;
}


async function load(url: string, connections: number): Promise<Load> {
  // A fresh body per request (autocannon 8's [<id>] replacement miscounts Content-Length).
  const run = (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
          setupRequest: (request) => ({ ...request, body: eventBody() }),
        },
      ],
    });
  await run(2); // warm the route, the pool and the JIT
  const before = cpuSnapshot({});
  const started = performance.now();
  const result = await run(DURATION_S);
  const use = generatorUse(before, cpuSnapshot({}), performance.now() - started);
  return {
    ...use,
    ackPerSecond: result["2xx"] / (result.duration || DURATION_S),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function rawInserts(seconds: number, connections = 8): Promise<number> {
  const sql = postgres(benchDatabaseUrl(DATABASE), { max: connections, onnotice: () => {} });
  await sql`select 1`;
  const body = sql.json({ hello: "world" });
  let rows = 0;
  const end = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const key = randomUUID();
      await sql`insert into webhook_inbox (dedupe_key, body, headers, dossier_id, process_id, hinted_status)
        values (${key}, ${body}, ${sql.json({})}, 'd', ${key}, 'accepted')`;
      rows += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await sql.end({ timeout: 5 });
  return rows / seconds;
}


interface EndToEnd {
  sent: number;
  acked: number;
  ackP50: number;
  ackP99: number;
  /** The worst acknowledgement p99 of any 10-second window of sending ("throughout", not on average). */
  worstWindowAckP99: number;
  /** Resident memory of the web server (and of the worker, where one runs) in MiB, before the run and after it. */
  rss: { role: string; before: number; after: number }[];
  generatorCores: number;
  generatorShare: number;
  storedP50: number;
  storedP95: number;
  doneP50: number;
  doneP95: number;
  missing: number;
  /**
   * Rows done a second, from the first notification sent to the last row done: the rate the stages together
   * kept up (the send rate when nothing lagged; the result stage's throughput when its backlog ends the run).
   */
  donePerSecond: number;
  /** CPU milliseconds per notification by role, from the first send until every row was done. */
  cpu: Record<string, number>;
  /** Requests that got no answer, by cause (the sender would send them again). */
  failures: Record<string, number>;
}

/**
 * Assure's sender as a real one behaves: a bounded pool of keep-alive connections (64), requests queueing
 * in it when the desk is slow, rather than a new connection for each of 500 notifications a second.
 */
const sender = new http.Agent({ keepAlive: true, maxSockets: 64 });

function postNotification(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent: sender,
        headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}`, "content-length": Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    request.on("error", reject);
    request.end(body);
  });
}

/** Notifications processed before the measured run, so that it measures the pipeline warm, not its start. */
const WARM_UP = 50;

async function warmUp(desk: { url: string }, items: { dossierId: string; processId: string }[]): Promise<void> {
  const answers = await Promise.all(
    items.map((item) => postNotification(`${desk.url}/api/webhooks/assure`, JSON.stringify({ dossierId: item.dossierId, processId: item.processId, status: "accepted" }))),
  );
  if (answers.some((status) => status !== 202)) throw new Error(`warm-up answered ${answers.join(", ")}`);
  const sql = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from webhook_inbox where state = 'done'`;
      if ((row?.n ?? 0) >= items.length) return;
      if (Date.now() > deadline) throw new Error("the warm-up notifications were not processed within 120 s (is the worker running?)");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Paced notifications for processes the simulator finished; times until the status (and zip) are stored. */
async function endToEnd(desk: Deployment, simUrl: string, rate: number, roots: Record<string, number | undefined>): Promise<EndToEnd> {
  const count = rate * E2E_SECONDS;
  const bulk = await fetch(`${simUrl}/__sim/bulk`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count: count + WARM_UP, delayMs: 0, prerenderMedia: true }),
  });
  const { items: all } = (await bulk.json()) as { items: { dossierId: string; processId: string }[] };
  await fetch(`${simUrl}/__sim/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ latencyMs: 100 }) });
  await warmUp(desk, all.slice(count));
  const items = all.slice(0, count);
  const rssBefore = desk.memory();
  const cpuBefore = cpuSnapshot(roots);

  const sentAt = new Map<string, number>();
  const ackTimes: number[] = [];
  /** Acknowledgement times by 10-second window of sending. */
  const ackWindows = createWindows(10_000);
  const failures: Record<string, number> = {};
  let acked = 0;
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((Date.now() - started) / 1000) * rate));
    for (; sent < due; sent++) {
      const item = items[sent]!;
      const t0 = Date.now();
      sentAt.set(item.processId, t0);
      inFlight.push(
        postNotification(`${desk.url}/api/webhooks/assure`, JSON.stringify({ dossierId: item.dossierId, processId: item.processId, status: "accepted" }))
          .then((status) => {
            if (status === 202) acked += 1;
            ackTimes.push(Date.now() - t0);
            ackWindows.add(t0 - started, Date.now() - t0);
          })
          .catch((error: unknown) => {
            const key = (error as { code?: string }).code ?? String(error);
            failures[key] = (failures[key] ?? 0) + 1;
          }),
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  const sendingMs = Date.now() - started;
  const cpuSent = cpuSnapshot(roots);

  const sql = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
  const deadline = Date.now() + 120_000;
  // Once a second: the count reads every row version of the inbox (tens of milliseconds with a backlog), and
  // its cost lands in PostgreSQL's CPU per notification.
  for (;;) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from webhook_inbox where state = 'done'`;
    if ((row?.n ?? 0) >= count + WARM_UP || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const cpu = cpuPerItem(cpuBefore, cpuSnapshot(roots), count);
  const rssAfter = desk.memory();
  const stored = await sql<{ process_id: string; first_seen_at: Date }[]>`select process_id, first_seen_at from processes`;
  const done = await sql<{ process_id: string; done_at: Date | null }[]>`select process_id, done_at from webhook_inbox where state = 'done'`;
  await sql.end({ timeout: 5 });
  await fetch(`${simUrl}/__sim/faults`, { method: "DELETE" });

  if (process.env.BENCH_DEBUG) {
    const bySecond = new Map<number, number[]>();
    for (const r of stored) {
      const t0 = sentAt.get(r.process_id);
      if (t0 === undefined) continue;
      const second = Math.floor((t0 - started) / 1000);
      bySecond.set(second, [...(bySecond.get(second) ?? []), r.first_seen_at.getTime() - t0]);
    }
    for (const [second, values] of [...bySecond].sort((a, b) => a[0] - b[0])) log(`  sent in second ${second}: stored p50 ${fmt(percentile(values, 50))} ms, max ${fmt(Math.max(...values))} ms`);
  }
  const storedLatency = stored.flatMap((r) => (sentAt.has(r.process_id) ? [r.first_seen_at.getTime() - sentAt.get(r.process_id)!] : []));
  // A loop, not Math.max(...): a spread of a long run's rows would overflow the call stack's arguments.
  let lastDoneMs = 0;
  for (const r of done) if (r.done_at && sentAt.has(r.process_id)) lastDoneMs = Math.max(lastDoneMs, r.done_at.getTime() - started);
  const doneLatency = done.flatMap((r) => (r.done_at && sentAt.has(r.process_id) ? [r.done_at.getTime() - sentAt.get(r.process_id)!] : []));
  return {
    sent: count,
    acked,
    ackP50: percentile(ackTimes, 50),
    ackP99: percentile(ackTimes, 99),
    worstWindowAckP99: ackWindows.worst(99),
    rss: Object.keys(rssAfter).map((role) => ({ role, before: rssBefore[role] ?? Number.NaN, after: rssAfter[role]! })),
    ...generatorUse(cpuBefore, cpuSent, sendingMs),
    storedP50: percentile(storedLatency, 50),
    storedP95: percentile(storedLatency, 95),
    doneP50: percentile(doneLatency, 50),
    doneP95: percentile(doneLatency, 95),
    missing: count - doneLatency.length,
    donePerSecond: lastDoneMs > 0 ? doneLatency.length / (lastDoneMs / 1000) : 0,
    cpu,
    failures,
  };
}

function serverEnv(simUrl: string, extra: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: benchDatabaseUrl(DATABASE),
    DATABASE_POOL_SIZE: "10",
    ASSURE_BASE_URL: `${simUrl}/assure`,
    ASSURE_TOKEN_URL: `${simUrl}/auth/open/connect/token`,
    ASSURE_CLIENT_ID: "desk-demo-client",
    ASSURE_CLIENT_SECRET: "desk-demo-secret",
    ASSURE_WEBHOOK_SECRET: SECRET,
    ASSURE_SIMULATOR: "1",
    DESK_BENCH_ROUTES: "1",
    ...extra,
  };
}

const verdict = (ok: boolean) => (ok ? "ok  " : "MISS");

/** BENCH_ONLY=route or BENCH_ONLY=e2e runs one half (while tuning). */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_DEPLOYMENTS="npm start" measures the default deployment alone. */
const DEPLOYMENTS = (process.env.BENCH_DEPLOYMENTS ?? "npm start,worker").split(",").map((name): Processing => {
  if (name !== "npm start" && name !== "worker") throw new Error(`BENCH_DEPLOYMENTS: "npm start" or "worker", not ${name}`);
  return name;
});

async function measureRoute(port: number, simUrl: string): Promise<Record<string, Load>> {
  // Ingest only, so that the route is measured rather than the work behind it.
  const desk = await startDeskServer(port, serverEnv(simUrl, { WORKER_IN_PROCESS: "0" }));
  try {
    const results: Record<string, Load> = {};
    for (const connections of [10, 50]) {
      results[`bare-${connections}`] = await load(`${desk.url}/api/bench/bare`, connections);
      results[`route-${connections}`] = await load(`${desk.url}/api/webhooks/assure`, connections);
    }
    return results;
  } finally {
    await desk.stop("SIGTERM");
  }
}

type Processing = "npm start" | "worker";

/**
 * BENCH_PROFILE_DIR=dir: in the "worker" deployment the web server and the worker write CPU profiles there
 * when they exit (Node refuses --cpu-prof in NODE_OPTIONS, so `npm start`'s children cannot be profiled so).
 */
function profiling(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

const NPM_START_TREE = "npm start, whole tree";

/** A running deployment under test: where it answers, its processes' memory, how to stop it. */
interface Deployment {
  url: string;
  /** CPU roots for the accounting: role → pid. */
  roots: Record<string, number | undefined>;
  /** Resident memory by role, MiB. */
  memory(): Record<string, number>;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, exited: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error("npm start exited before it served");
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}/api/health within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The default deployment as a user starts it: scripts/start.ts (what `npm start` runs) on the bench's
 * build, which starts the web server and the worker it manages. One pid, stopped by its signal.
 */
async function startNpmStart(port: number, env: Record<string, string>): Promise<Deployment> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DESK_DIST_DIR: RELIABILITY_DIST_DIR,
      PORT: String(port),
      DEMO_DATA: "off",
      NEXTAUTH_SECRET: "bench-session-secret-0123456789abcdef0123",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-5_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, () => child.exitCode !== null);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${output}`);
  }
  const children = () => childProcesses(child.pid!);
  const server = children().find((c) => c.command.includes("serve.ts"))?.pid;
  const workerPid = () => children().find((c) => c.command.includes("worker.ts"))?.pid;
  const worker = workerPid();
  if (!server || !worker) throw new Error(`npm start runs ${children().map((c) => c.command).join("; ")}: expected a server and a worker`);
  return {
    url,
    // The whole tree, less the server's and the worker's: what npm start itself (relaying nudges) costs.
    roots: { "web server": server, worker, [NPM_START_TREE]: child.pid },
    memory: () => ({ "web server": rssMiB(server), worker: rssMiB(workerPid() ?? worker) }),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A web server that only acknowledges (WORKER_IN_PROCESS=0) beside one `npm run worker`. */
async function startServerAndWorker(port: number, env: Record<string, string>): Promise<Deployment> {
  const desk: DeskServer = await startDeskServer(port, { ...env, WORKER_IN_PROCESS: "0" }, { nodeArgs: profiling() });
  const worker = spawn(process.execPath, [...profiling(), "--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", TSX_TSCONFIG_PATH: "tsconfig.scripts.json", NODE_ENV: "production", ...env, WORKER_INTERVAL_MS: "100" },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    url: desk.url,
    roots: { "web server": desk.pid, worker: worker.pid },
    memory: () => ({ "web server": rssMiB(desk.pid), worker: rssMiB(worker.pid!) }),
    async stop() {
      if (worker.exitCode === null) {
        worker.kill("SIGTERM");
        await exited;
      }
      await desk.stop("SIGTERM");
    },
  };
}

async function measureEndToEnd(port: number, simUrl: string, simPid: number | undefined, processing: Processing, rate: number): Promise<EndToEnd> {
  const sql = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
  await sql`truncate webhook_inbox`;
  await sql.end({ timeout: 5 });
  const env = serverEnv(simUrl, { WORKER_INTERVAL_MS: "1000" });
  const deployment = processing === "npm start" ? await startNpmStart(port, env) : await startServerAndWorker(port, env);
  try {
    return await endToEnd(deployment, simUrl, rate, { ...deployment.roots, simulator: simPid });
  } finally {
    await deployment.stop();
  }
}

/** What the simulator itself can serve: getProcess then the zip, 128 at a time, 100 ms latency. */
async function simulatorCeiling(simUrl: string): Promise<number> {
  const bulk = await fetch(`${simUrl}/__sim/bulk`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count: 1_500, delayMs: 0, prerenderMedia: true }),
  });
  const { items } = (await bulk.json()) as { items: { dossierId: string; processId: string }[] };
  await fetch(`${simUrl}/__sim/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ latencyMs: 100 }) });
  const assure = createAssureClient({ baseUrl: `${simUrl}/assure`, tokenUrl: `${simUrl}/auth/open/connect/token`, clientId: "desk-demo-client", clientSecret: "desk-demo-secret" });
  await assure.listDossiers();
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 128 }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const process = await assure.getProcess(item.dossierId, item.processId);
        if (["accepted", "rejected", "inconclusive"].includes(process.status)) await assure.downloadResult(item.dossierId, item.processId);
      }
    }),
  );
  await fetch(`${simUrl}/__sim/faults`, { method: "DELETE" });
  return items.length / ((Date.now() - started) / 1000);
}

const pct = (share: number) => `${fmt(share * 100)}%`;

function printRoute(results: Record<string, Load>) {
  log("load                                   ack/s     p50      p99   non-2xx  load generator  target");
  const line = (name: string, r: Load) =>
    `${name.padEnd(36)} ${fmt(r.ackPerSecond).padStart(7)} ${`${fmt(r.p50)} ms`.padStart(7)} ${`${fmt(r.p99)} ms`.padStart(8)} ${fmt(r.non2xx + r.errors).padStart(9)}  ${`${fmt(r.generatorCores, 2)} cores, ${pct(r.generatorShare)}`.padStart(14)}`;
  for (const connections of [10, 50]) {
    const bare = results[`bare-${connections}`]!;
    const route = results[`route-${connections}`]!;
    const share = route.ackPerSecond / bare.ackPerSecond;
    log(line(`bare route, ${connections} connections`, bare));
    const targets =
      connections === 10
        ? `${verdict(share >= 0.75)} ${fmt(share * 100)}% of the same-run bare route (≥75%); ${verdict(route.ackPerSecond >= 1000)} ≥1,000/s; ${verdict(route.p99 <= 50)} p99 ≤ 50 ms`
        : `${verdict(share >= 0.75)} ${fmt(share * 100)}% of the same-run bare route (≥75%); ${verdict(route.ackPerSecond >= 1000)} ≥1,000/s`;
    log(`${line(`webhook route, ${connections} connections`, route)}  ${targets}`);
  }
  log("  The bare route is measured in the same run on the same cores as autocannon and PostgreSQL: a comparison,");
  log("  not the framework's ceiling. It is a Next.js route; the webhook is answered by the server's own listener in");
  log("  front of Next.js (scripts/serve.ts). Load generator: autocannon's CPU (this process) in cores busy, and its");
  log("  share of all the CPU the machine used meanwhile — what it took from the server.");
}

function printEndToEnd(e2e: EndToEnd, processing: Processing, rate: number) {
  const how = processing === "worker" ? "a web server that only acknowledges, beside one `npm run worker`" : "`npm start` (the default: web server + the worker it manages)";
  log(`notification → stored, ${fmt(rate)}/s sustained for ${E2E_SECONDS} s, simulator latency 100 ms; ${how}:`);
  const failed = Object.entries(e2e.failures).map(([cause, n]) => `${fmt(n)} ${cause}`).join(", ");
  log(`  acknowledged ${fmt(e2e.acked)} of ${fmt(e2e.sent)}${failed ? ` (no answer: ${failed})` : ""}`);
  log(`  acknowledgement over the whole run p50 ${fmt(e2e.ackP50)} ms, p99 ${fmt(e2e.ackP99)} ms   ${verdict(e2e.ackP99 <= 200)} target p99 ≤ 200 ms`);
  log(`  acknowledgement p99 in the worst 10-s window ${fmt(e2e.worstWindowAckP99)} ms   ${verdict(e2e.worstWindowAckP99 <= 200)} throughout`);
  log(`  status stored   p50 ${fmt(e2e.storedP50)} ms, p95 ${fmt(e2e.storedP95)} ms   ${verdict(e2e.storedP95 <= 2000)} target p95 ≤ 2,000 ms`);
  log(`  zip stored, row done  p50 ${fmt(e2e.doneP50)} ms, p95 ${fmt(e2e.doneP95)} ms; not done after 120 s: ${fmt(e2e.missing)}; ${fmt(e2e.donePerSecond)} rows done a second from the first sent to the last done`);
  log(`  RSS before → after: ${e2e.rss.map((r) => `${r.role} ${fmt(r.before)} → ${fmt(r.after)} MiB`).join("; ")}`);
  const { machine = 0, "load generator": generator = 0, [NPM_START_TREE]: tree, ...roles } = e2e.cpu;
  if (tree !== undefined) roles["npm start itself"] = tree - (roles["web server"] ?? 0) - (roles.worker ?? 0);
  const parts = Object.entries(roles).map(([role, ms]) => `${role} ${fmt(ms, 2)}`).join(", ");
  log(`  CPU ms per notification, until every row was done: ${parts}; load generator ${fmt(generator, 2)}; whole machine ${fmt(machine, 2)}`);
  log(`  load generator while sending: ${fmt(e2e.generatorCores, 2)} cores, ${pct(e2e.generatorShare)} of the machine's CPU use`);
}

async function main() {
  ensureReliabilityBuild(log);
  await recreateDatabase();
  const sim = await startSimulatorProcess();
  const load = os.loadavg().map((n) => n.toFixed(1)).join(" ");
  try {
    const port = await freePort();
    const route = ONLY === "e2e" ? undefined : await measureRoute(port, sim.url);
    const inserts = ONLY === "e2e" ? undefined : await rawInserts(5);
    const ceiling = ONLY === "route" ? undefined : await simulatorCeiling(sim.url);
    const e2e: { processing: Processing; rate: number; result: EndToEnd }[] = [];
    if (ONLY !== "route") {
      for (const rate of E2E_RATES) {
        for (const processing of DEPLOYMENTS) {
          e2e.push({ processing, rate, result: await measureEndToEnd(port, sim.url, sim.child.pid, processing, rate) });
        }
      }
    }

    log("");
    log(`Webhook benchmark — PostgreSQL ${DATABASE}, production build, ${DURATION_S} s per autocannon load, end to end ${E2E_SECONDS} s per rate, ~${BODY_BYTES}-byte bodies`);
    log(`${os.cpus().length} cores; load average at the start ${load}, at the end ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
    log("");
    if (route) printRoute(route);
    if (inserts !== undefined) log(`\nraw single-row INSERTs, postgres.js, 8 connections: ${fmt(inserts)} rows/s\n`);
    if (ceiling !== undefined) log(`simulator alone (getProcess + zip, 128 at a time, 100 ms latency): ${fmt(ceiling)} processes/s\n`);
    for (const run of e2e) printEndToEnd(run.result, run.processing, run.rate);
  } finally {
    sim.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
