"use server";

import { getTranslations } from "next-intl/server";
import { after } from "next/server";
import { getEnv } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { getAssureClient } from "@/lib/server/assure";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { continueFullSync } from "@/lib/sync/full-sync";
import { cancelFullSync, requestFullSync } from "@/lib/sync/request-full-sync";
import { explainAdminFailure } from "../explain-failure";

const log = createLogger("sync");

/** Who asks, what a success says and how a failure is told, in the viewer's language. */
const prepare = () => Promise.all([getCtx(), getTranslations("Sync.done"), explainAdminFailure()]);

/** Ask for a full sync; when this server does background work, it takes the run itself right away. */
export async function startFullSyncAction(_previous: ActionResult, _form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      const { runId } = await requestFullSync(ctx, {});
      if (getEnv().WORKER_IN_PROCESS !== "0") {
        after(async () => {
          try {
            await continueFullSync(ctx.db, getAssureClient(), { log: (line) => log.info(line) });
          } catch (error) {
            // The run stays running and unowned: the sync scheduler of any instance resumes it.
            log.error("full sync stopped", { error });
          }
        });
      }
      return done("started", { id: runId });
    },
    "/admin/sync",
    explain,
  );
}

export async function cancelFullSyncAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      const { runId } = await cancelFullSync(ctx, { runId: form.get("runId") });
      return done("canceled", { id: runId });
    },
    "/admin/sync",
    explain,
  );
}
