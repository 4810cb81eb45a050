import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

/**
 * Starts the desk for the browser tests exactly as `npm start` does, but on a database of its own:
 * a fresh PGlite folder, or a fresh database on the PostgreSQL server when DATABASE_URL is set.
 */

const E2E_PREFIX = "desk_e2e_";

async function freshPostgresDatabase(serverUrl: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // Databases left by earlier runs (the server is killed, so it cannot drop its own).
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${E2E_PREFIX}%`}`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    const name = `${E2E_PREFIX}${Date.now().toString(36)}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_DATA: "on" };
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL);
  } else {
    const dataDir = path.resolve(".data", "e2e");
    rmSync(dataDir, { recursive: true, force: true });
    env.DATA_DIR = dataDir;
  }
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
