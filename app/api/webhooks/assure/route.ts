import { after } from "next/server";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/config";
import { getAssureClient } from "@/lib/server/assure";
import { drainInbox } from "@/lib/webhooks/inbox-worker";
import { receiveNotification } from "@/lib/webhooks/receive-notification";

export const dynamic = "force-dynamic";

/**
 * Assure's notifications. Authenticated by the shared secret (not by staff sign-in), stored in the
 * inbox before the answer, processed right after it; the periodic sweep and `npm run worker` catch up
 * on whatever this instance does not finish.
 */
export async function POST(request: Request) {
  const secret = getEnv().ASSURE_WEBHOOK_SECRET;
  if (!secret) {
    console.error("[webhook] ASSURE_WEBHOOK_SECRET is not set: notifications cannot be authenticated");
    return Response.json({ error: "webhook not configured" }, { status: 503 });
  }
  const database = await getDatabase();
  const answer = await receiveNotification(database.db, request, secret);
  if (answer.inboxId !== undefined) {
    after(async () => {
      try {
        await drainInbox(database.db, getAssureClient(), { maxRounds: 1 });
      } catch (error) {
        // The row stays in the inbox: the sweep retries it. Nothing personal is in this message.
        console.error("[webhook] processing after the answer failed:", error instanceof Error ? error.message : error);
      }
    });
  }
  return Response.json(answer.body, { status: answer.status });
}
