import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { openDatabase } from "../db/client";
import { ConfigError, getEnv } from "../lib/config";
import { runRetention } from "../lib/retention/run-retention";

const USAGE = "usage: npm run retention -- --dry-run | --apply [--days N]";

/**
 * `npm run retention -- --dry-run` lists what the retention policy (RETENTION_DAYS, or --days) would take;
 * `--apply` purges it. Both print counts and are audited. The background sweep runs the same once a day.
 */
async function main() {
  loadEnvConfig(process.cwd());
  const { values } = parseArgs({
    options: { "dry-run": { type: "boolean" }, apply: { type: "boolean" }, days: { type: "string" } },
    allowPositionals: false,
  });
  if (Boolean(values["dry-run"]) === Boolean(values.apply)) throw new ConfigError([USAGE]);
  const env = getEnv();
  const days = values.days !== undefined ? Number(values.days) : env.RETENTION_DAYS;
  if (days === undefined) throw new ConfigError(["RETENTION_DAYS is not set: the desk keeps everything (or pass --days N)"]);
  if (!Number.isInteger(days) || days < 0) throw new ConfigError([`--days: a whole number of days, 0 or more (${USAGE})`]);

  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 4 });
  try {
    const summary = await runRetention(database, { days, apply: Boolean(values.apply), pauseMs: 0, batchSize: 500 });
    if (!summary.ran) {
      console.log("Another instance is running retention now; nothing done.");
      process.exitCode = 2;
      return;
    }
    const verb = summary.apply ? "Purged" : "Would purge";
    console.log(`Retention: personal data of final dossiers inactive since before ${summary.cutoff.toISOString()} (${days} days).`);
    console.log(`${verb}: ${summary.dossiers} dossiers, ${summary.processes} processes, ${summary.zips} zips${summary.apply ? `, ${summary.notes} notes` : ""}.`);
    console.log(`Kept under legal hold: ${summary.held} dossiers.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
