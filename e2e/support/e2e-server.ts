import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { E2E_DEMO_PASSWORD, E2E_SECRETS, E2E_SESSION_IDLE_MINUTES } from "./demo-users";
import { E2E_OIDC, e2eOidcPort, startOidcStub } from "./oidc-stub";

/**
 * Starts the desk for the browser tests exactly as `npm start` does, but on a database of its own:
 * a fresh PGlite folder, or a fresh database on the PostgreSQL server when DATABASE_URL is set. The
 * company SSO is a local OpenID Connect stub (oidc-stub.ts) started here, beside the desk's port.
 */

const E2E_PREFIX = "desk_e2e_";
/** Databases of earlier runs are dropped once they are this old (a killed server cannot drop its own). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

async function freshPostgresDatabase(serverUrl: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const existing = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${E2E_PREFIX}%`}`;
    for (const { datname } of existing) {
      const createdAt = Number.parseInt(datname.slice(E2E_PREFIX.length).split("_")[0] ?? "", 36);
      if (Date.now() - createdAt > STALE_AFTER_MS) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
    const name = `${E2E_PREFIX}${Date.now().toString(36)}_${process.pid}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  } finally {
    await admin.end({ timeout: 5 });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Folders of earlier runs whose server was killed before it could remove its own. */
function removeAbandonedDataDirs(parent: string) {
  const entries = readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory() && /^e2e-\d+$/.test(e.name));
  for (const entry of entries) {
    if (!isAlive(Number(entry.name.slice(4)))) rmSync(path.join(parent, entry.name), { recursive: true, force: true });
  }
}

async function main() {
  const port = Number(process.env.PORT ?? 3100);
  const oidc = await startOidcStub({ port: e2eOidcPort(port), clientId: E2E_OIDC.clientId, clientSecret: E2E_SECRETS.OIDC_CLIENT_SECRET });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_DATA: "on",
    SIMULATOR_PORT: "0",
    DEMO_PASSWORD: E2E_DEMO_PASSWORD,
    SESSION_IDLE_MINUTES: String(E2E_SESSION_IDLE_MINUTES),
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: E2E_OIDC.clientId,
    OIDC_ROLE_CLAIM: E2E_OIDC.roleClaim,
    ...E2E_SECRETS,
  };
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL);
  } else {
    // A folder per run, so that two runs side by side never share a PGlite folder.
    mkdirSync(path.resolve(".data"), { recursive: true });
    removeAbandonedDataDirs(path.resolve(".data"));
    const dataDir = path.resolve(".data", `e2e-${process.pid}`);
    process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
    rmSync(dataDir, { recursive: true, force: true });
    env.DATA_DIR = dataDir;
  }
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.scripts.json", "scripts/start.ts"], {
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
