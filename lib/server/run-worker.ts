import "server-only";
import { openDatabase } from "../../db/client";
import { createAssureClient, type AssureClient } from "../assure/client";
import { ConfigError, getEnv } from "../config";
import { assureConfigFromEnv } from "../config/assure";
import { startSyncScheduler } from "../sync/sync-scheduler";
import { createInboxPump } from "../webhooks/inbox-pump";
import { openPumpDatabase } from "../webhooks/pump-database";
import { startBackgroundSweep } from "./background-sweep";
import { readNudge } from "./worker-channel";

export interface WorkerProcessOptions {
  /** Wraps the Assure client (the ack-path test makes each pump step CPU-heavy with it). */
  wrapAssure?: (client: AssureClient) => AssureClient;
}

/**
 * The background worker as a process: the inbox pump, the periodic sweep and stale-process poller, and the
 * sync scheduler. Run by `npm run worker` beside web servers with WORKER_IN_PROCESS=0, and by `npm start`
 * itself on PostgreSQL (lib/server/worker-supervisor.ts), which then also forwards the web server's nudges
 * over the IPC channel. Needs PostgreSQL: the embedded database belongs to the one process that opened it.
 */
export async function runWorkerProcess(options: WorkerProcessOptions = {}): Promise<void> {
  const env = getEnv();
  if (!env.DATABASE_URL) throw new ConfigError(["DATABASE_URL: a separate worker needs the PostgreSQL server the desk uses"]);
  const assureConfig = assureConfigFromEnv(env);
  if (!assureConfig) throw new ConfigError(["ASSURE_BASE_URL, ASSURE_CLIENT_ID, ASSURE_CLIENT_SECRET: required by the worker"]);
  const database = await openDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  const base = createAssureClient(assureConfig);
  const assure = options.wrapAssure ? options.wrapAssure(base) : base;
  const log = (line: string) => console.log(`[worker] ${line}`);
  const stopSync = startSyncScheduler(database.db, assure, { intervalMinutes: env.SYNC_INTERVAL_MINUTES, log: (line) => console.log(`[sync] ${line}`) });
  // This process serves no requests, so its status lane stays at full width even when its loop is
  // saturated (narrowing it would only let the backlog grow); zips still give way to statuses. Its result
  // lane may hold twice a web server's zips at once: with Assure answering in ~100 ms, 16 in flight store at
  // most ~160 zips/s, and a burst's zips waited minutes for their turn after its statuses were stored.
  const pumpDatabase = await openPumpDatabase(database, env.DATABASE_POOL_SIZE);
  const pump = createInboxPump(pumpDatabase.db, () => assure, { minConcurrency: 256, maxConcurrency: 256, maxResultConcurrency: 32, log });
  const stopSweep = startBackgroundSweep(database, assure, {
    intervalMs: env.WORKER_INTERVAL_MS,
    inbox: pump,
    inboxRetentionDays: env.INBOX_RETENTION_DAYS,
    retentionDays: env.RETENTION_DAYS,
    log,
  });
  // Nudges arrive from `npm start` when it is the parent; a poll finds rows whatever sent them
  // (another instance, a back-off that came due, a nudge lost while this process restarted).
  const poll = setInterval(() => pump.nudge("all"), Math.min(env.WORKER_INTERVAL_MS, 250));
  process.on("message", (message) => {
    const nudge = readNudge(message);
    if (nudge) pump.nudge(nudge.lanes);
  });

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      clearInterval(poll);
      // A sync in progress is given back unfinished; the next worker resumes it.
      await Promise.all([stopSweep(), stopSync(), pump.idle()]);
      await Promise.all([pumpDatabase.close(), database.close()]);
      process.exit(0);
    })());
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  // Started by `npm start`: when it goes away (even killed), so does this worker.
  if (process.send) process.on("disconnect", () => void shutdown());
  console.log(`[worker] sweeping every ${env.WORKER_INTERVAL_MS} ms`);
  // The sweep's timer is unref'd; keep this process alive until a signal.
  setInterval(() => {}, 1 << 30);
}
