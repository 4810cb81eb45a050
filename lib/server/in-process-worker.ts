import { getDatabase } from "../../db";
import { getEnv } from "../config";
import { assureConfigFromEnv } from "../config/assure";
import { startBackgroundSweep } from "./background-sweep";
import { getAssureClient } from "./assure";

export async function startInProcessWorker(): Promise<void> {
  const env = getEnv();
  if (env.WORKER_IN_PROCESS === "0" || !assureConfigFromEnv(env)) return;
  const database = await getDatabase();
  startBackgroundSweep(database, getAssureClient(), {
    intervalMs: env.WORKER_INTERVAL_MS,
    log: (line) => console.log(`[worker] ${line}`),
  });
}
