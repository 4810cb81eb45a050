"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/config";
import { getAssureClient } from "@/lib/server/assure";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { getInboxPump } from "@/lib/webhooks/inbox-pump";
import { nudgeSeparateWorker } from "@/lib/server/worker-channel";
import { replayInboxRow } from "@/lib/webhooks/replay-inbox-row";
import { inboxHref, parseInboxSearchParams } from "./search-params";

/** Replay a dead row (the verb checks the role and parses the input), then show the inbox with the outcome. */
export async function replayInboxRowAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  let replayed = 0;
  const result = await runAction(async () => {
    replayed = (await replayInboxRow(ctx, { id: form.get("id") })).id;
    return `Row ${replayed} replayed.`;
  });
  if (!result?.ok) return result;
  // Processed right away where this server processes its inbox; otherwise at the worker's next look.
  if (getEnv().WORKER_IN_PROCESS !== "0") after(async () => (await getInboxPump(await getDatabase(), getAssureClient)).nudge("all"));
  else nudgeSeparateWorker("all");
  const view = parseInboxSearchParams({ state: form.get("view")?.toString() });
  redirect(inboxHref({ state: view.state, replayed }));
}
