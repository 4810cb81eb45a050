import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemoFromExamples } from "../db/seed/demo-from-examples";
import { isDatabaseEmpty } from "../db/seed/is-empty";
import { loadEnvConfig } from "@next/env";
import { ConfigError, getEnv, type Env } from "../lib/config";
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

async function prepareDatabase(env: Env) {
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  // PGlite allows one process per folder: this handle is closed before the server opens its own.
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const wanted = env.DEMO_DATA === "on" || (env.DEMO_DATA === "auto" && !env.DATABASE_URL);
    if (wanted && (await isDatabaseEmpty(database))) {
      const count = await seedDemoFromExamples(database);
      log(`Loaded ${count} demo processes.`);
    }
  } finally {
    await database.close();
  }
  log(env.DATABASE_URL ? "Database: PostgreSQL server, migrated." : `Database: embedded PGlite in ${path.resolve(env.DATA_DIR)}, migrated.`);
}

function serve(env: Env) {
  const server = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(env.PORT)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in|started server/i.test(chunk.toString())) {
      announced = true;
      printNextSteps(env);
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function printNextSteps(env: Env) {
  const url = `http://localhost:${env.PORT}`;
  console.log(
    [
      "",
      "  Assure Review Desk is running.",
      `    Open      ${url}/processes`,
      `    Health    ${url}/api/health`,
      "    Stop      Ctrl+C",
      "",
    ].join("\n"),
  );
}

async function main() {
  // The same .env files Next.js reads, so that the script and the server see one configuration.
  loadEnvConfig(process.cwd());
  const env = getEnv();
  buildIfStale();
  await prepareDatabase(env);
  serve(env);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
