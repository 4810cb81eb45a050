"use server";

import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/config";
import { cancelRetry } from "@/lib/retries/cancel-retry";
import { resumeRetry, retryProcess, type RetryRow } from "@/lib/retries/retry-process";
import { assignProcessToMe, unassignProcess } from "@/lib/reviews/assignments";
import { confirmReviewDecision, recordReviewDecision, sendBackReviewDecision } from "@/lib/reviews/review-decisions";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getRetryDeps } from "@/lib/server/retry-deps";
import { getCtx } from "@/lib/server/session";
import { failureWords } from "../../../../failure-words";

/** Server actions are public endpoints: every one parses its input in the verb, which checks the role. */

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

const pagePath = (form: FormData) => `/dossiers/${field(form, "dossierId")}/processes/${field(form, "processId")}`;

/** What a success and a failure say, in the viewer's language. */
const reviewDone = () => getTranslations("Review.done");
const retryWords = () => getTranslations("Retry");
const failures = failureWords("ProcessPage.errors");

export async function decideAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const decision = await recordReviewDecision(
      ctx,
      { processId: field(form, "processId"), decision: field(form, "decision"), reasonCategory: field(form, "reasonCategory"), note: field(form, "note") },
      { fourEyes: getEnv().FOUR_EYES === "1" },
    );
    return (await reviewDone())(decision.state === "final" ? "recorded" : "recordedAwaiting");
  }, pagePath(form), failures);
}

export async function settleDecisionAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const input = { decisionId: field(form, "decisionId") };
    if (field(form, "outcome") === "confirm") {
      await confirmReviewDecision(ctx, input);
      return (await reviewDone())("confirmed");
    }
    await sendBackReviewDecision(ctx, input);
    return (await reviewDone())("sentBack");
  }, pagePath(form), failures);
}

export async function assignAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const input = { processId: field(form, "processId") };
    if (field(form, "assign") === "me") {
      await assignProcessToMe(ctx, input);
      return (await reviewDone())("assigned");
    }
    await unassignProcess(ctx, input);
    return (await reviewDone())("unassigned");
  }, pagePath(form), failures);
}

/** "Retry failed." or "Retry failed: <Assure's words>.", the state in the viewer's language. */
async function retryOutcome(retry: Pick<RetryRow, "state" | "lastError">): Promise<string> {
  const t = await retryWords();
  const state = t(`state.${retry.state}`);
  return retry.lastError ? t("done.stateSaid", { state, said: retry.lastError }) : t("done.state", { state });
}

export async function retryAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const retry = await retryProcess(ctx, getRetryDeps(), {
      processId: field(form, "processId"),
      idempotencyKey: field(form, "idempotencyKey"),
      countryOfResidence: field(form, "countryOfResidence")?.toUpperCase(),
      documentType: field(form, "documentType"),
    });
    return retry.state === "started" ? (await retryWords())("done.started", { id: retry.newProcessId?.slice(0, 8) ?? "" }) : retryOutcome(retry);
  }, pagePath(form), failures);
}

export async function resumeRetryAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const retry = await resumeRetry(ctx, getRetryDeps(), { retryId: field(form, "retryId") });
    return retryOutcome({ state: retry.state, lastError: null });
  }, pagePath(form), failures);
}

export async function cancelRetryAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const retry = await cancelRetry(ctx, getRetryDeps(), { retryId: field(form, "retryId") });
    const t = await retryWords();
    return retry.newProcessId ? t("done.canceledDeleted", { id: retry.newProcessId.slice(0, 8) }) : t("done.canceled");
  }, pagePath(form), failures);
}
