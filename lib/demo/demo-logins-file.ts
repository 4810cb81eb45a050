import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DemoLogin } from "./demo-users";

/**
 * Where `npm start` keeps the demo users' passwords (printed once, when made): beside the embedded
 * database, or, for a PostgreSQL server, a file per database in DATA_DIR.
 */
export function demoLoginsFile(env: { DATA_DIR: string; DATABASE_URL?: string }): string {
  if (!env.DATABASE_URL) return path.resolve(env.DATA_DIR, "demo-logins.json");
  const url = new URL(env.DATABASE_URL);
  const database = `${url.hostname}-${url.port || "5432"}${url.pathname}`.replace(/[^\w.-]+/g, "_");
  return path.resolve(env.DATA_DIR, `demo-logins.${database}.json`);
}

/** Adds the logins to the file, readable and writable by its owner only. */
export function keepDemoLogins(file: string, logins: DemoLogin[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  for (const login of logins) kept[login.email] = login.password;
  writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created.
  chmodSync(file, 0o600);
}
