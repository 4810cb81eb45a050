"use server";

import { getEnv } from "@/lib/config";
import { addDossierNote } from "@/lib/notes/dossier-notes";
import { confirmErasure, requestErasure, withdrawErasure } from "@/lib/retention/erase-dossier";
import { liftLegalHold, placeLegalHold } from "@/lib/retention/legal-hold";
import { getAssureClient } from "@/lib/server/assure";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";

export async function addNoteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    await addDossierNote(ctx, { dossierId, body: form.get("body") });
    return "Note added.";
  }, `/dossiers/${encodeURIComponent(dossierId)}`);
}

/** Assure is asked for only once the verb has checked the role and the input. */
function erasureDeps() {
  return {
    get assure() {
      return getAssureClient();
    },
    fourEyes: getEnv().FOUR_EYES === "1",
  };
}

const dossierPath = (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`;

export async function eraseDossierAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    const outcome = await requestErasure(ctx, erasureDeps(), { dossierId, reason: form.get("reason"), confirmation: form.get("confirmation") });
    if (outcome.state === "awaiting_confirmation") return "Erasure requested: a second person must confirm it.";
    return outcome.assure === "pending"
      ? "Personal data erased. Assure could not be reached: its deletion is retried until it succeeds."
      : "Personal data erased, and the dossier deleted at Assure.";
  }, dossierPath(dossierId));
}

export async function confirmErasureAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    const outcome = await confirmErasure(ctx, erasureDeps(), { dossierId });
    return outcome.assure === "pending" ? "Erasure confirmed; the deletion at Assure is pending." : "Erasure confirmed and done.";
  }, dossierPath(dossierId));
}

export async function withdrawErasureAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    await withdrawErasure(ctx, { dossierId });
    return "Erasure request withdrawn.";
  }, dossierPath(dossierId));
}

export async function legalHoldAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  const lift = form.get("intent") === "lift";
  return runAction(async () => {
    const input = { dossierId, reason: form.get("reason") };
    if (lift) await liftLegalHold(ctx, input);
    else await placeLegalHold(ctx, input);
    return lift ? "Legal hold lifted." : "Legal hold placed: retention and erasure are stopped.";
  }, dossierPath(dossierId));
}
