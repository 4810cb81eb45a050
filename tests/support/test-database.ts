import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Database } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { configureResultStore, RESULT_STORAGES, type ResultStorage } from "../../lib/results/result-store-settings";

export interface TestDatabase extends Database {
  /** Closes the connection and drops what the test created. */
  dispose(): Promise<void>;
}

/** The PostgreSQL server the tests use when one is configured; PGlite otherwise. */
export const testServerUrl: string | undefined = process.env.DATABASE_URL || undefined;

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh, empty database on a PostgreSQL server, dropped by `dispose()`. */
export async function createPostgresDatabase(serverUrl: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `desk_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const database = await openDatabase({ url: withDatabaseName(serverUrl, name), poolSize: 4 });
  if (options.migrate !== false) await migrateDatabase(database);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A fresh in-memory PGlite database. */
export async function createPgliteDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const database = await openDatabase({ dataDir: "memory://" });
  if (options.migrate !== false) await migrateDatabase(database);
  return { ...database, dispose: () => database.close() };
}

/**
 * The result store the tests write zips to: `RESULT_STORE` when set (run the result tests once with each),
 * else the desk's default for the engine. The filesystem store gets a temporary folder per test process,
 * removed when it exits, never the desk's own `.data/results`.
 */
export const testResultStorage: ResultStorage = RESULT_STORAGES.find((s) => s === process.env.RESULT_STORE) ?? (testServerUrl ? "postgres" : "filesystem");

let testResultDir: string | undefined;
export function setUpTestResultStore(kind: ResultStorage = testResultStorage): string {
  if (!testResultDir) {
    const dir = mkdtempSync(path.join(tmpdir(), "desk-results-"));
    testResultDir = dir;
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  configureResultStore({ kind, dir: testResultDir });
  return testResultDir;
}

/** Each test file gets its own database, on the engine `DATABASE_URL` selects, and its own result folder. */
export function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  setUpTestResultStore();
  return testServerUrl ? createPostgresDatabase(testServerUrl, options) : createPgliteDatabase(options);
}
