import { loadEnvConfig } from "@next/env";
import { z } from "zod";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ConfigError, getEnv } from "../lib/config";
import { backfillFindings } from "../lib/findings/backfill-findings";

/**
 * `npm run findings:backfill [-- --batch 100]`: writes the findings (lib/findings/) of every stored zip that
 * has none yet, a batch at a time, printing progress. Stop it and run it again: it carries on after the
 * last batch it finished. With the embedded database, stop the desk first: PGlite belongs to one process.
 */
const Args = z.object({ batch: z.coerce.number().int().min(1).max(10_000).default(100) });

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(batch)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new ConfigError([`unknown argument ${argv[i]}; use [--batch N]`]);
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
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const total = { examined: 0, filled: 0, unreadable: 0 };
    for (let batch = 1; ; batch++) {
      const progress = await backfillFindings(database.db, { batchSize: args.batch });
      total.examined += progress.examined;
      total.filled += progress.filled;
      total.unreadable += progress.unreadable;
      console.log(`  batch ${batch}: ${progress.examined} results, ${progress.filled} with findings, ${progress.unreadable} unreadable (so far ${total.examined})`);
      if (progress.finished) break;
    }
    console.log(`Done: ${total.examined} results examined, ${total.filled} with findings, ${total.unreadable} unreadable.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
