import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { isDatabaseEmpty } from "../db/seed/is-empty";
import { createAssureClient } from "../lib/assure/client";
import { assureConfigFromEnv, notificationTarget } from "../lib/config/assure";
import { demoLoginsFile, keepDemoLogins } from "../lib/demo/demo-logins-file";
import { activeDemoUsers, demoUsersRefusal, ensureDemoUsers, makeDemoPasswords, type DemoLogin } from "../lib/demo/demo-users";
import { seedDemoFromSimulator } from "../lib/demo/seed-from-simulator";
import { relayNudges, superviseWorker } from "../lib/server/worker-supervisor";
import { startSimulator, type SimulatorHandle } from "../simulator/server";
import { loadEnvConfig } from "@next/env";
import { PinoPretty } from "pino-pretty";
import { ConfigError, getEnv, parseEnv, type Env } from "../lib/config";
import { BUILD_STAMP_FILE, buildIsCurrent, computeBuildStamp } from "./build-stamp";

/**
 * `npm start`: everything a fresh clone needs, in order: check the configuration, build when the
 * build is missing or stale, migrate, load demo data into an empty embedded database, then serve.
 */

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

function log(message: string) {
  console.log(`[desk] ${message}`);
}

function buildIfStale() {
  const stamp = computeBuildStamp(ROOT);
  if (buildIsCurrent(ROOT, stamp)) {
    log("Build is current.");
    return;
  }
  log("Building the desk (first start or changed sources)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(path.join(ROOT, BUILD_STAMP_FILE), stamp);
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/**
 * Without ASSURE_BASE_URL the desk runs against the bundled simulator, started here (a program of its
 * own, in this parent process, not in the Next.js server) and handed to the server through its environment.
 */
async function startBundledSimulator(env: Env): Promise<SimulatorHandle> {
  const simulator = await startSimulator({
    port: env.SIMULATOR_PORT,
    clientId: env.SIMULATOR_CLIENT_ID,
    clientSecret: env.SIMULATOR_CLIENT_SECRET,
    // Pictures a reviewer can read, small enough that a few hundred demo zips load in seconds.
    image: { width: 640 },
    log: (line) => console.log(`[simulator] ${line}`),
  });
  Object.assign(process.env, {
    ASSURE_BASE_URL: simulator.baseUrl,
    ASSURE_TOKEN_URL: simulator.tokenUrl,
    ASSURE_CLIENT_ID: env.SIMULATOR_CLIENT_ID,
    ASSURE_CLIENT_SECRET: env.SIMULATOR_CLIENT_SECRET,
    ASSURE_SIMULATOR: "1",
  });
  log(`Assure simulator at ${simulator.baseUrl} (set ASSURE_BASE_URL to use Signicat instead).`);
  return simulator;
}

/**
 * A value the desk needs and the user did not set (the demo's webhook secret, session key, passwords):
 * made once per embedded database and kept beside it, or made for this run on a PostgreSQL server.
 */
function keptBesideData(env: Env, name: string, make: () => string): string {
  if (env.DATABASE_URL) return make();
  const file = path.join(env.DATA_DIR, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = make();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

function ensureSecrets(env: Env) {
  const secret = () => randomBytes(32).toString("base64url");
  process.env.ASSURE_WEBHOOK_SECRET ??= keptBesideData(env, "webhook-secret", secret);
  if (!env.NEXTAUTH_SECRET) {
    if (env.NODE_ENV === "production" && env.ASSURE_SIMULATOR === "0" && env.ASSURE_BASE_URL) {
      throw new ConfigError(["NEXTAUTH_SECRET: required when talking to the real Assure API"]);
    }
    process.env.NEXTAUTH_SECRET = keptBesideData(env, "session-secret", secret);
  }
  process.env.NEXTAUTH_URL ??= env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** Said instead of starting: the message is the whole explanation. */
class StartRefused extends Error {}

/** Demo users made by this start (their passwords are printed this once), and where the passwords are. */
let demoLogins: DemoLogin[] = [];
let demoPasswordsAt: string | null = null;

async function prepareDatabase(env: Env, simulator: SimulatorHandle | null) {
  // PGlite allows one process per folder: this handle is closed before the server opens its own.
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const demo = simulator !== null && (env.DEMO_DATA === "on" || (env.DEMO_DATA === "auto" && !env.DATABASE_URL));
    if (!demo) {
      const demoUsers = await activeDemoUsers(database.db);
      if (demoUsers.length > 0) throw new StartRefused(demoUsersRefusal(demoUsers));
    }
    if (demo) {
      const fixed = env.DEMO_PASSWORD;
      const passwords = fixed ? Object.fromEntries(Object.keys(makeDemoPasswords()).map((email) => [email, fixed])) : makeDemoPasswords();
      demoLogins = await ensureDemoUsers(database.db, passwords);
      if (fixed) {
        demoPasswordsAt = "DEMO_PASSWORD";
      } else {
        demoPasswordsAt = demoLoginsFile(env);
        if (demoLogins.length > 0) keepDemoLogins(demoPasswordsAt, demoLogins);
      }
    }
    if (demo && (await isDatabaseEmpty(database))) {
      log("Loading demo data: running verifications through the simulator…");
      const started = Date.now();
      const assure = createAssureClient(assureConfigFromEnv(env)!);
      const count = await seedDemoFromSimulator(database.db, assure, {
        controlUrl: simulator.controlUrl,
        count: 200,
        notification: notificationTarget(env),
      });
      log(`Loaded ${count} demo processes in ${Math.round((Date.now() - started) / 1000)} s.`);
    }
  } finally {
    await database.close();
  }
  log(env.DATABASE_URL ? "Database: PostgreSQL server, migrated." : `Database: embedded PGlite in ${path.resolve(env.DATA_DIR)}, migrated.`);
}

/**
 * The web server, and on PostgreSQL the background worker beside it as a process of its own (pump, sweep,
 * poller, sync scheduler): the server's event loop then only acknowledges notifications, whatever the pump
 * is doing. The server tells this process when rows arrive (its IPC channel) and this process wakes the
 * worker. On the embedded database the server does that work itself: PGlite belongs to the one process
 * that opened it (README, "From notification to stored process").
 */
function serve(env: Env) {
  const separateWorker = Boolean(env.DATABASE_URL) && env.WORKER_IN_PROCESS !== "0" && assureConfigFromEnv(env) !== null;
  const worker = separateWorker
    ? superviseWorker({
        entry: path.join(ROOT, "scripts", "worker.ts"),
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production" },
        log: (line) => console.log(`[desk] ${line}`),
      })
    : undefined;
  // Next.js's custom server with the webhook's own listener in front (scripts/serve.ts), through tsx.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), "--port", String(env.PORT)], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.scripts.json"),
      NODE_ENV: "production",
      ...(separateWorker ? { WORKER_IN_PROCESS: "0" } : {}),
    },
  });
  if (worker) relayNudges(server, worker);
  let announced = false;
  const stdout = server.stdout!;
  // The server logs JSON lines (pino) for log shippers; a person at a terminal reads them pretty-printed.
  // pino-pretty passes Next.js's own plain lines through as they are.
  if (process.stdout.isTTY) stdout.pipe(PinoPretty({ colorize: true, messageKey: "message", timestampKey: "at", ignore: "pid,hostname" }));
  else stdout.pipe(process.stdout);
  stdout.on("data", (chunk: Buffer) => {
    if (!announced && /^Ready: /m.test(chunk.toString())) {
      announced = true;
      printNextSteps(env);
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill(signal);
      void worker?.stop();
    });
  }
  server.on("exit", (code, signal) => {
    void (worker?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? (signal ? 1 : 0)));
  });
  if (separateWorker) log("Background worker (inbox, sweep, sync) runs as a process of its own beside the server.");
}

function printNextSteps(env: Env) {
  const url = `http://localhost:${env.PORT}`;
  console.log(
    [
      "",
      "  Assure Review Desk is running.",
      `    Open      ${url}/processes`,
      `    Health    ${url}/api/health`,
      process.env.ASSURE_SIMULATOR === "1" ? `    Assure    bundled simulator at ${process.env.ASSURE_BASE_URL}` : `    Assure    ${process.env.ASSURE_BASE_URL ?? "not configured"}`,
      "    Stop      Ctrl+C",
      ...(demoLogins.length > 0 && demoPasswordsAt !== "DEMO_PASSWORD"
        ? ["", "  Demo users made now (printed this once; demo mode only):", ...demoLogins.map((l) => `    ${l.role.padEnd(11)} ${l.email.padEnd(24)} ${l.password}`)]
        : []),
      ...(demoPasswordsAt ? ["", `  Demo users' passwords: ${demoPasswordsAt === "DEMO_PASSWORD" ? "the value of DEMO_PASSWORD" : `kept in ${demoPasswordsAt} (readable by you only)`}.`] : []),
      "",
    ].join("\n"),
  );
}

async function main() {
  // The same .env files Next.js reads, so that the script and the server see one configuration.
  loadEnvConfig(process.cwd());
  const configured = getEnv();
  if (!configured.DATABASE_URL) mkdirSync(configured.DATA_DIR, { recursive: true });
  const simulator = configured.ASSURE_BASE_URL ? null : await startBundledSimulator(configured);
  ensureSecrets(configured);
  // Read again: the simulator's address and the webhook secret are now part of the configuration.
  const env = parseEnv(process.env);
  // The database first: a desk that must refuse to start says so before a long build.
  await prepareDatabase(env, simulator);
  buildIfStale();
  serve(env);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof StartRefused ? error.message : error);
  process.exit(1);
});
