import { after } from "next/server";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { getAssureClient } from "@/lib/server/assure";
import { routeHandler } from "@/lib/server/http-answer";
import { getInboxPump } from "@/lib/webhooks/inbox-pump";
import { receiveNotification } from "@/lib/webhooks/receive-notification";

export const dynamic = "force-dynamic";

const log = createLogger("webhook");

/**
 * Assure's notifications. Authenticated by the shared secret (not by staff sign-in), stored in the
 * inbox before the answer, processed right after it by this instance's one inbox pump (unless
 * WORKER_IN_PROCESS=0 leaves processing to `npm run worker`); the periodic sweep catches up on the rest.
 */
export const POST = routeHandler(async (request: Request) => {
  const env = getEnv();
  const secret = env.ASSURE_WEBHOOK_SECRET;
  if (!secret) {
    log.error("ASSURE_WEBHOOK_SECRET is not set: notifications cannot be authenticated");
    return Response.json({ error: "webhook not configured" }, { status: 503 });
  }
  const database = await getDatabase();
  const answer = await receiveNotification(database.db, request, secret);
  if (answer.inboxId !== undefined && env.WORKER_IN_PROCESS !== "0") {
    after(async () => (await getInboxPump(database, getAssureClient)).nudge());
  }
  return Response.json(answer.body, { status: answer.status });
});
