"use server";

import { getEnv } from "@/lib/config";
import { cancelRetry } from "@/lib/retries/cancel-retry";
import { resumeRetry, retryProcess } from "@/lib/retries/retry-process";
import { assignProcessToMe, unassignProcess } from "@/lib/reviews/assignments";
import { confirmReviewDecision, recordReviewDecision, sendBackReviewDecision } from "@/lib/reviews/review-decisions";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getRetryDeps } from "@/lib/server/retry-deps";
import { getCtx } from "@/lib/server/session";

/** Server actions are public endpoints: every one parses its input in the verb, which checks the role. */

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

const pagePath = (form: FormData) => `/dossiers/${field(form, "dossierId")}/processes/${field(form, "processId")}`;

export async function decideAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const decision = await recordReviewDecision(
      ctx,
      { processId: field(form, "processId"), decision: field(form, "decision"), reasonCategory: field(form, "reasonCategory"), note: field(form, "note") },
      { fourEyes: getEnv().FOUR_EYES === "1" },
    );
    return decision.state === "final" ? "Decision recorded." : "Decision recorded; it waits for a second compliance officer.";
  }, pagePath(form));
}

export async function settleDecisionAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const input = { decisionId: field(form, "decisionId") };
    if (field(form, "outcome") === "confirm") {
      await confirmReviewDecision(ctx, input);
      return "Confirmed: the decision is final.";
    }
    await sendBackReviewDecision(ctx, input);
    return "Sent back: the decision is withdrawn.";
  }, pagePath(form));
}

export async function assignAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const input = { processId: field(form, "processId") };
    if (field(form, "assign") === "me") {
      await assignProcessToMe(ctx, input);
      return "Assigned to you.";
    }
    await unassignProcess(ctx, input);
    return "Unassigned.";
  }, pagePath(form));
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
    return retry.state === "started"
      ? `Retry started: process ${retry.newProcessId?.slice(0, 8)} is verifying.`
      : `Retry ${retry.state}${retry.lastError ? `: ${retry.lastError}` : ""}.`;
  }, pagePath(form));
}

export async function resumeRetryAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const retry = await resumeRetry(ctx, getRetryDeps(), { retryId: field(form, "retryId") });
    return `Retry ${retry.state}.`;
  }, pagePath(form));
}

export async function cancelRetryAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const retry = await cancelRetry(ctx, getRetryDeps(), { retryId: field(form, "retryId") });
    return retry.newProcessId ? `Retry canceled: process ${retry.newProcessId.slice(0, 8)} was deleted at Assure.` : "Retry canceled.";
  }, pagePath(form));
}
