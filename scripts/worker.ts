import { loadEnvConfig } from "@next/env";
import { ConfigError } from "../lib/config";
import { runWorkerProcess } from "../lib/server/run-worker";

/**
 * `npm run worker`: the webhook inbox pump, sweep, stale-process poller and sync scheduler as a process of
 * its own (see lib/server/run-worker.ts). `npm start` runs one itself on PostgreSQL.
 */
loadEnvConfig(process.cwd());
runWorkerProcess().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
