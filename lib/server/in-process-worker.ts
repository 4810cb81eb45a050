import "server-only";
import { getDatabase } from "../../db";
import { getEnv } from "../config";
import { startSyncScheduler } from "../sync/sync-scheduler";
import { getInboxPump } from "../webhooks/inbox-pump";
import { assureConfigFromEnv } from "../config/assure";
import { startResultForgetListener } from "../results/result-forget-listener";
import { startBackgroundSweep } from "./background-sweep";
import { getAssureClient } from "./assure";

export async function startInProcessWorker(): Promise<void> {
  const env = getEnv();
  // Every web server caches results, worker or not: each hears of purged ones (PGlite: in-process only).
  if (env.DATABASE_URL) {
    await startResultForgetListener(env.DATABASE_URL, (line) => console.log(`[results] ${line}`)).catch((error: unknown) => {
      console.error(`[results] cannot listen for purged results: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  if (env.WORKER_IN_PROCESS === "0" || !assureConfigFromEnv(env)) return;
  const database = await getDatabase();
  startBackgroundSweep(database, getAssureClient(), {
    intervalMs: env.WORKER_INTERVAL_MS,
    inboxRetentionDays: env.INBOX_RETENTION_DAYS,
    retentionDays: env.RETENTION_DAYS,
    log: (line) => console.log(`[worker] ${line}`),
  });
  // The webhook route's pump, made here, outside any request (see lib/webhooks/inbox-pump.ts).
  await getInboxPump(database, getAssureClient);
  // Full syncs: the admin's, the scheduled ones, and runs whose worker died.
  startSyncScheduler(database.db, getAssureClient(), {
    intervalMinutes: env.SYNC_INTERVAL_MINUTES,
    log: (line) => console.log(`[sync] ${line}`),
  });
}
