import "server-only";
import { getDatabase } from "../../db";
import { getEnv } from "../config";
import { createLogger } from "../log/logger";
import { getInboxPump } from "../webhooks/inbox-pump";
import { getAssureClient } from "./assure";
import { nudgeSeparateWorker, type NudgeLanes } from "./worker-channel";

const log = createLogger("webhook");

/**
 * Rows are waiting in the inbox (a notification stored, a dead row replayed): processed at once where this
 * server processes its inbox, otherwise by the separate worker (woken through `npm start`, or at its next
 * look). Never throws: the rows stay in the inbox and the periodic sweep takes them. Called once the answer
 * is sent (Next.js's `after`, or the webhook listener after `end`).
 */
export function nudgeInbox(lanes: NudgeLanes = "status"): void {
  if (getEnv().WORKER_IN_PROCESS === "0") {
    nudgeSeparateWorker(lanes);
    return;
  }
  getDatabase()
    .then((database) => getInboxPump(database, getAssureClient))
    .then((pump) => pump.nudge(lanes))
    .catch((error: unknown) => log.error("cannot wake the inbox pump", { error: error instanceof Error ? error.message : String(error) }));
}
