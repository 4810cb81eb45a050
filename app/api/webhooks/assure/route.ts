import { after } from "next/server";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { getAssureClient } from "@/lib/server/assure";
import { routeHandler } from "@/lib/server/http-answer";
import { nudgeSeparateWorker } from "@/lib/server/worker-channel";
import { getInboxPump } from "@/lib/webhooks/inbox-pump";
import { receiveNotification } from "@/lib/webhooks/receive-notification";

export const dynamic = "force-dynamic";

const log = createLogger("webhook");

/**
 * Assure's notifications. Authenticated by the shared secret (not by staff sign-in), stored in the
 * inbox before the answer, processed right after it by this instance's one inbox pump, or with
 * WORKER_IN_PROCESS=0 by a worker process (the one `npm start` runs beside the server on PostgreSQL is
 * woken at once); the periodic sweep catches up on the rest.
 */
export const POST = routeHandler(async (request: Request) => {
  const env = getEnv();
  const secret = env.ASSURE_WEBHOOK_SECRET;
  if (!secret) {
    log.error("ASSURE_WEBHOOK_SECRET is not set: notifications cannot be authenticated");
    return Response.json({ error: "webhook not configured" }, { status: 503 });
  }
  const database = await getDatabase();
  const answer = await receiveNotification(database.db, request, secret, env.TRUSTED_PROXY_HOPS);
  if (answer.inboxId !== undefined) {
    if (env.WORKER_IN_PROCESS !== "0") after(async () => (await getInboxPump(database, getAssureClient)).nudge());
    else nudgeSeparateWorker();
  }
  return Response.json(answer.body, { status: answer.status });
});
