import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { createPostgresDatabase, testServerUrl } from "../../support/test-database";

/**
 * A database for a desk server the test starts: a fresh one on the PostgreSQL server when DATABASE_URL is
 * set, otherwise a PGlite folder of its own. PGlite belongs to one process at a time, so the test reads it
 * only while the server is stopped (`withDatabase`).
 */
export interface ServerDatabase {
  engine: "postgres" | "pglite";
  /** What the server's environment needs. */
  env: Record<string, string>;
  withDatabase<T>(read: (database: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

export async function createServerDatabase(): Promise<ServerDatabase> {
  if (testServerUrl) {
    const database = await createPostgresDatabase(testServerUrl);
    return {
      engine: "postgres",
      env: { DATABASE_URL: database.url!, DATABASE_POOL_SIZE: "10" },
      withDatabase: (read) => read(database),
      dispose: () => database.dispose(),
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "desk-reliability-"));
  const open = async () => openDatabase({ dataDir });
  const first = await open();
  await migrateDatabase(first);
  await first.close();
  return {
    engine: "pglite",
    env: { DATA_DIR: dataDir },
    async withDatabase(read) {
      const database = await open();
      try {
        return await read(database);
      } finally {
        await database.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
