"use server";

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { nudgeInbox } from "@/lib/server/nudge-inbox";
import { replayInboxRow } from "@/lib/webhooks/replay-inbox-row";
import { explainAdminFailure } from "../explain-failure";
import { inboxHref, parseInboxSearchParams } from "./search-params";

/** Replay a dead row (the verb checks the role and parses the input), then show the inbox with the outcome. */
export async function replayInboxRowAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await Promise.all([getCtx(), getTranslations("Inbox.done"), explainAdminFailure()]);
  let replayed = 0;
  const result = await runAction(
    async () => {
      replayed = (await replayInboxRow(ctx, { id: form.get("id") })).id;
      return done("replayed", { id: replayed });
    },
    undefined,
    explain,
  );
  if (!result?.ok) return result;
  // Processed right away, once the answer is sent, by whatever processes this instance's inbox.
  after(() => nudgeInbox("all"));
  const view = parseInboxSearchParams({ state: form.get("view")?.toString() });
  redirect(inboxHref({ state: view.state, replayed }));
}
