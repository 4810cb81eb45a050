import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { loadEnvConfig } from "@next/env";
import { ConfigError, getEnv } from "../lib/config";

/** `npm run db:migrate`: applies the committed migrations to the configured database. */
async function main() {
  // The same .env files Next.js reads, so that the script and the server see one configuration.
  loadEnvConfig(process.cwd());
  const env = getEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1 });
  try {
    await migrateDatabase(database);
    console.log(`Migrations applied (${database.engine === "pglite" ? `PGlite in ${env.DATA_DIR}` : "PostgreSQL"}).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
