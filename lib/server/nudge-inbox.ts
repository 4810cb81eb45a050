import "server-only";
import { after } from "next/server";
import { getDatabase } from "../../db";
import { getEnv } from "../config";
import { getInboxPump } from "../webhooks/inbox-pump";
import { getAssureClient } from "./assure";
import { nudgeSeparateWorker } from "./worker-channel";

/**
 * After a replay: processed right away, once the answer is sent, where this server processes its inbox;
 * otherwise at the separate worker's next look.
 */
export function nudgeInboxAfterReplay(): void {
  if (getEnv().WORKER_IN_PROCESS !== "0") after(async () => (await getInboxPump(await getDatabase(), getAssureClient)).nudge("all"));
  else nudgeSeparateWorker("all");
}
