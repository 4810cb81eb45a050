import "server-only";
import { getEnv } from "../lib/config";
import { openDatabase, type Database } from "./client";

const globalForDb = globalThis as unknown as { deskDatabase?: Promise<Database> };

/**
 * The app's one database handle, opened on first use. Kept on globalThis so that the dev server's
 * hot reloads do not open a second PGlite on the same folder.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.deskDatabase ??= (() => {
    const env = getEnv();
    return openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE });
  })().catch((error: unknown) => {
    // Let the next request try again instead of caching the failure forever.
    globalForDb.deskDatabase = undefined;
    throw error;
  });
  return globalForDb.deskDatabase;
}
