import { spawn } from "node:child_process";
import http from "node:http";
import os from "node:os";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { staffUsers } from "../db/schema";
import { ensureReliabilityBuild, freePort, startDeskServer } from "../scripts/reliability/desk-server";
import { benchDatabaseUrl, fmt, recreateBenchDatabase } from "./support/bench-database";
import { rssMiB } from "./support/cpu-accounting";
import { percentile } from "./support/latency";
import { startSimulatorProcess } from "./support/simulator-process";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/live.ts`: the live desk's event streams on PostgreSQL (its own
 * database, `desk_bench_live`), against the production build (`.next-reliability`): one web server that
 * acknowledges, beside one `npm run worker` that stores (it publishes the events; the server fans them out).
 *   1. BENCH_STREAMS (200) event streams open on the server, as a compliance officer;
 *   2. notifications for processes the simulator finished, at BENCH_RATE (100)/s for BENCH_SECONDS (30):
 *      from each acknowledgement to the process's event in every stream (p50/p95, target p95 ≤ 1 s), beside
 *      the time to the stored status (the processes row's first_seen_at), the baseline: the difference is
 *      what publishing and fan-out add;
 *   3. the webhook route's throughput under autocannon (10 connections, BENCH_ROUTE_SECONDS each) without
 *      streams and with them open (target: ≤ 10% lower);
 *   4. the server's RSS before and after opening the streams, per stream.
 * Not a test: the numbers depend on the machine and its load.
 */

const DATABASE = "desk_bench_live";
const SECRET = "bench-webhook-secret-0123456789";
const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123";
const STREAMS = Number(process.env.BENCH_STREAMS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ROUTE_SECONDS = Number(process.env.BENCH_ROUTE_SECONDS ?? 10);
const ROOT = process.cwd();
const log = (line: string) => console.log(line);
const verdict = (ok: boolean) => (ok ? "ok  " : "MISS");

/** A compliance officer in the bench database and a session cookie for them, as next-auth would issue it. */
async function sessionCookie(): Promise<string> {
  const database = await openDatabase({ url: benchDatabaseUrl(DATABASE), poolSize: 1 });
  try {
    await migrateDatabase(database);
    const [user] = await database.db.insert(staffUsers).values({ email: "bench@desk.test", name: "Bench Officer", role: "compliance" }).returning();
    const token = await encode({ token: { uid: user!.id, role: "compliance", signedInAt: Date.now() + 1_000 }, secret: SESSION_SECRET, maxAge: 3_600 });
    return `next-auth.session-token=${token}`;
  } finally {
    await database.close();
  }
}

interface Stream {
  /** processId → when its event arrived in this stream. */
  arrived: Map<string, number>;
  close(): void;
}

function openStream(url: string, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const arrived = new Map<string, number>();
    const request = http.get(`${url}/api/events`, { headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`/api/events answered ${response.statusCode}`));
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!data) continue;
          const event = JSON.parse(data) as { kind: string; processId?: string };
          if (event.kind === "process" && event.processId && !arrived.has(event.processId)) arrived.set(event.processId, Date.now());
        }
      });
      resolve({ arrived, close: () => request.destroy() });
    });
    request.on("error", reject);
  });
}

const sender = new http.Agent({ keepAlive: true, maxSockets: 32 });
function notify(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/api/webhooks/assure`, {
      method: "POST",
      agent: sender,
      headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}`, "content-length": Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function routeThroughput(url: string): Promise<{ perSecond: number; p99: number }> {
  const run = (duration: number) =>
    autocannon({
      url: `${url}/api/webhooks/assure`,
      connections: 10,
      duration,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ dossierId: crypto.randomUUID(), processId: crypto.randomUUID(), status: "accepted" }) }),
        },
      ],
    });
  await run(2);
  const result = await run(ROUTE_SECONDS);
  return { perSecond: result["2xx"] / (result.duration || ROUTE_SECONDS), p99: result.latency.p99 };
}

/**
 * The route's loads notify processes Assure does not know: the worker would retry each (404, with back-off)
 * through the measured run and slow the statuses it measures. They are dropped, with a moment for the rows
 * the worker holds to come back, so that each measurement starts from an empty inbox.
 */
async function clearInbox(): Promise<void> {
  const sql = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
  try {
    await sql`truncate webhook_inbox`;
    await new Promise((r) => setTimeout(r, 2_000));
    await sql`truncate webhook_inbox`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main() {
  ensureReliabilityBuild(log);
  await recreateBenchDatabase(DATABASE);
  const cookie = await sessionCookie();
  const sim = await startSimulatorProcess();
  const port = await freePort();
  const env = {
    DATABASE_URL: benchDatabaseUrl(DATABASE),
    ASSURE_BASE_URL: `${sim.url}/assure`,
    ASSURE_TOKEN_URL: `${sim.url}/auth/open/connect/token`,
    ASSURE_CLIENT_ID: "desk-demo-client",
    ASSURE_CLIENT_SECRET: "desk-demo-secret",
    ASSURE_WEBHOOK_SECRET: SECRET,
    ASSURE_SIMULATOR: "1",
    NEXTAUTH_SECRET: SESSION_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  };
  const desk = await startDeskServer(port, { ...env, WORKER_IN_PROCESS: "0" });
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", TSX_TSCONFIG_PATH: "tsconfig.scripts.json", NODE_ENV: "production", ...env, WORKER_INTERVAL_MS: "100" },
    stdio: "ignore",
  });
  const streams: Stream[] = [];
  try {
    log(`bench/live: ${STREAMS} streams, ${RATE} notifications/s for ${SECONDS} s; load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
    const without = await routeThroughput(desk.url);
    await clearInbox();

    const rssBefore = rssMiB(desk.pid);
    for (let i = 0; i < STREAMS; i++) streams.push(await openStream(desk.url, cookie));
    await new Promise((r) => setTimeout(r, 1_000));
    const rssAfter = rssMiB(desk.pid);
    const withStreams = await routeThroughput(desk.url);
    await clearInbox();

    const count = RATE * SECONDS;
    const bulk = await fetch(`${sim.url}/__sim/bulk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count, delayMs: 0, prerenderMedia: true }) });
    const { items } = (await bulk.json()) as { items: { dossierId: string; processId: string }[] };
    const ackedAt = new Map<string, number>();
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let sent = 0; sent < count; ) {
      const due = Math.min(count, Math.floor(((Date.now() - started) / 1000) * RATE));
      for (; sent < due; sent++) {
        const item = items[sent]!;
        inFlight.push(
          notify(desk.url, JSON.stringify({ dossierId: item.dossierId, processId: item.processId, status: "accepted" })).then((status) => {
            if (status === 202) ackedAt.set(item.processId, Date.now());
          }),
        );
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(inFlight);
    // Until every stream has every event, or 60 s.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && streams.some((s) => [...ackedAt.keys()].some((id) => !s.arrived.has(id)))) await new Promise((r) => setTimeout(r, 500));

    const sql = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
    const stored = await sql<{ process_id: string; first_seen_at: Date }[]>`select process_id, first_seen_at from processes`;
    await sql.end({ timeout: 5 });
    const storedLatency = stored.flatMap((r) => (ackedAt.has(r.process_id) ? [r.first_seen_at.getTime() - ackedAt.get(r.process_id)!] : []));
    const eventLatency: number[] = [];
    let missing = 0;
    for (const stream of streams) {
      for (const [processId, acked] of ackedAt) {
        const at = stream.arrived.get(processId);
        if (at === undefined) missing += 1;
        else eventLatency.push(at - acked);
      }
    }
    const p95 = percentile(eventLatency, 95);
    log(`acknowledged ${fmt(ackedAt.size)} of ${fmt(count)} notifications`);
    log(`  status stored (baseline)          p50 ${fmt(percentile(storedLatency, 50))} ms, p95 ${fmt(percentile(storedLatency, 95))} ms`);
    log(`  event in a stream (${fmt(STREAMS)} streams) p50 ${fmt(percentile(eventLatency, 50))} ms, p95 ${fmt(p95)} ms   ${verdict(p95 <= 1_000)} target p95 ≤ 1,000 ms; missing ${fmt(missing)}`);
    log(`  publishing and fan-out add        p50 ${fmt(percentile(eventLatency, 50) - percentile(storedLatency, 50))} ms, p95 ${fmt(p95 - percentile(storedLatency, 95))} ms over the stored status`);
    const drop = 1 - withStreams.perSecond / without.perSecond;
    log(`webhook route, 10 connections: ${fmt(without.perSecond)}/s (p99 ${fmt(without.p99)} ms) without streams, ${fmt(withStreams.perSecond)}/s (p99 ${fmt(withStreams.p99)} ms) with ${fmt(STREAMS)} open   ${verdict(drop <= 0.1)} ${fmt(drop * 100, 1)}% lower (target ≤ 10%)`);
    log(`server RSS ${fmt(rssBefore)} → ${fmt(rssAfter)} MiB with the streams open: ${fmt(((rssAfter - rssBefore) * 1024) / STREAMS, 1)} KiB per stream`);
  } finally {
    for (const stream of streams) stream.close();
    sender.destroy();
    if (worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await desk.stop("SIGTERM");
    sim.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
