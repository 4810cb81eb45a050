import "server-only";
import { getDatabase } from "../../db";
import { getEnv } from "../config";
import { startSyncScheduler } from "../sync/sync-scheduler";
import { getInboxPump } from "../webhooks/inbox-pump";
import { assureConfigFromEnv } from "../config/assure";
import { createLogger } from "../log/logger";
import { startBackgroundSweep } from "./background-sweep";
import { getAssureClient } from "./assure";
import { startInstanceListener } from "./instance-listener";

export async function startInProcessWorker(): Promise<void> {
  const env = getEnv();
  const database = await getDatabase();
  // Every web server caches results and serves event streams, worker or not: each hears of purged results
  // and of every instance's changes.
  const log = createLogger("listen");
  await startInstanceListener(database, { log: (line) => log.info(line) }).catch((error: unknown) => {
    log.error("cannot listen for purged results and desk events", { error: error instanceof Error ? error.message : String(error) });
  });
  if (env.WORKER_IN_PROCESS === "0" || !assureConfigFromEnv(env)) return;
  // The webhook route's pump, made here, outside any request (see lib/webhooks/inbox-pump.ts).
  const pump = await getInboxPump(database, getAssureClient);
  startBackgroundSweep(database, getAssureClient(), {
    intervalMs: env.WORKER_INTERVAL_MS,
    inbox: pump,
    inboxRetentionDays: env.INBOX_RETENTION_DAYS,
    retentionDays: env.RETENTION_DAYS,
    log: (line) => console.log(`[worker] ${line}`),
  });
  // Full syncs: the admin's, the scheduled ones, and runs whose worker died.
  startSyncScheduler(database.db, getAssureClient(), {
    intervalMinutes: env.SYNC_INTERVAL_MINUTES,
    log: (line) => console.log(`[sync] ${line}`),
  });
}
