import { loadEnvConfig } from "@next/env";
import { z } from "zod";
import { openDatabase } from "../db/client";
import { ConfigError, getEnv } from "../lib/config";
import { formatBytes } from "../lib/results/result-limits";
import { moveResults } from "../lib/results/move-results";
import { RESULT_STORAGES, resultStoreSettingsFromEnv } from "../lib/results/result-store-settings";

/**
 * `npm run results:move -- --to filesystem|postgres [--batch 100]`: moves every stored full-result zip to
 * one store (lib/results/move-results.ts). Safe to stop and run again. Set RESULT_STORE to the same store
 * afterwards, or new zips keep going to the old one. With the embedded database, stop the desk first: PGlite
 * belongs to one process.
 */
const Args = z.object({
  to: z.enum(RESULT_STORAGES, { error: "--to must be filesystem or postgres" }),
  batch: z.coerce.number().int().min(1).max(10_000).default(100),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(to|batch)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new ConfigError([`unknown argument ${argv[i]}; use --to filesystem|postgres [--batch N]`]);
    raw[match[1]!] = match[2] ?? argv[++i] ?? "";
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`));
  return parsed.data;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  loadEnvConfig(process.cwd());
  const env = getEnv();
  const { dir, kind: configured } = resultStoreSettingsFromEnv(env);
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  try {
    console.log(`Moving full-result zips to ${args.to}${args.to === "filesystem" ? ` (${dir})` : ""}, ${args.batch} per batch.`);
    const done = await moveResults(database.db, {
      to: args.to,
      dir,
      batchSize: args.batch,
      onProgress: (p) =>
        console.log(`  ${p.moved + p.changed + p.damaged.length} of ${p.total}: ${p.moved} moved (${formatBytes(p.movedBytes)}), ${p.changed} changed meanwhile, ${p.damaged.length} damaged`),
    });
    console.log(`Done: ${done.moved} moved (${formatBytes(done.movedBytes)}), ${done.changed} changed meanwhile, ${done.damaged.length} damaged.`);
    for (const d of done.damaged) console.log(`  damaged, left where it was: process ${d.processId}: ${d.message}`);
    if (configured !== args.to) console.log(`RESULT_STORE is ${configured} here: set RESULT_STORE=${args.to}, or new zips keep going to ${configured}.`);
    if (done.damaged.length > 0) process.exitCode = 2;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
