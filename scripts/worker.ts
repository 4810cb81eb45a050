import { loadEnvConfig } from "@next/env";
import { openDatabase } from "../db/client";
import { createAssureClient } from "../lib/assure/client";
import { ConfigError, getEnv } from "../lib/config";
import { assureConfigFromEnv } from "../lib/config/assure";
import { startBackgroundSweep } from "../lib/server/background-sweep";
import { startSyncScheduler } from "../lib/sync/sync-scheduler";
import { createInboxPump } from "../lib/webhooks/inbox-pump";

/**
 * `npm run worker`: the webhook inbox and stale-process sweep as a process of its own, for deployments
 * that keep workers apart from web servers (set WORKER_IN_PROCESS=0 on the web servers). Needs
 * PostgreSQL: the embedded database belongs to the one process that opened it.
 */
async function main() {
  loadEnvConfig(process.cwd());
  const env = getEnv();
  if (!env.DATABASE_URL) throw new ConfigError(["DATABASE_URL: a separate worker needs the PostgreSQL server the desk uses"]);
  const assureConfig = assureConfigFromEnv(env);
  if (!assureConfig) throw new ConfigError(["ASSURE_BASE_URL, ASSURE_CLIENT_ID, ASSURE_CLIENT_SECRET: required by the worker"]);
  const database = await openDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  const assure = createAssureClient(assureConfig);
  const stop = startBackgroundSweep(database, assure, {
    intervalMs: env.WORKER_INTERVAL_MS,
    inboxRetentionDays: env.INBOX_RETENTION_DAYS,
    retentionDays: env.RETENTION_DAYS,
    log: (line) => console.log(`[worker] ${line}`),
  });
  const stopSync = startSyncScheduler(database.db, assure, {
    intervalMinutes: env.SYNC_INTERVAL_MINUTES,
    log: (line) => console.log(`[sync] ${line}`),
  });
  // New notifications reach a separate worker by polling, not by nudges: look often. This process serves
  // no requests, so its status lane stays at full width even when its loop is saturated (narrowing it
  // would only let the backlog grow); zips still give way to statuses.
  const pump = createInboxPump(database.db, () => assure, { minConcurrency: 256, maxConcurrency: 256, log: (line) => console.log(`[worker] ${line}`) });
  const poll = setInterval(() => pump.nudge("all"), Math.min(env.WORKER_INTERVAL_MS, 250));
  console.log(`[worker] sweeping every ${env.WORKER_INTERVAL_MS} ms`);
  const shutdown = async () => {
    clearInterval(poll);
    // A sync in progress is given back unfinished; the next worker resumes it.
    await Promise.all([stop(), stopSync(), pump.idle()]);
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  // The sweep's timer is unref'd; keep this process alive until a signal.
  setInterval(() => {}, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
