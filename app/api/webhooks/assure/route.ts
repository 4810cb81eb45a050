import { after } from "next/server";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/config";
import { routeHandler } from "@/lib/server/http-answer";
import { nudgeInbox } from "@/lib/server/nudge-inbox";
import { receiveNotification } from "@/lib/webhooks/receive-notification";

export const dynamic = "force-dynamic";

/**
 * Assure's notifications, when Next.js serves them (`next dev`, or `next start` run by hand). The desk
 * server that `npm start` runs answers this path with its own listener before Next.js sees the request
 * (lib/webhooks/webhook-listener.ts), through the same `receiveNotification`: authenticated by the shared
 * secret (not by staff sign-in), stored in the inbox before the answer, processed after it (`nudgeInbox`);
 * the periodic sweep catches up on the rest.
 */
export const POST = routeHandler(async (request: Request) => {
  const env = getEnv();
  const database = await getDatabase();
  const answer = await receiveNotification(database.db, request, env.ASSURE_WEBHOOK_SECRET, env.TRUSTED_PROXY_HOPS);
  if (answer.inboxId !== undefined) after(() => nudgeInbox());
  return Response.json(answer.body, { status: answer.status });
});
