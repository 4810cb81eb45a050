"use server";

import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/config";
import { addDossierNote } from "@/lib/notes/dossier-notes";
import { confirmErasure, requestErasure, withdrawErasure } from "@/lib/retention/erase-dossier";
import { liftLegalHold, placeLegalHold } from "@/lib/retention/legal-hold";
import { getAssureClient } from "@/lib/server/assure";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { failureWords } from "../../failure-words";

/** What a success and a failure say, in the viewer's language. */
const done = () => getTranslations("Dossier.done");
const failures = failureWords("Dossier.errors");

export async function addNoteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    await addDossierNote(ctx, { dossierId, body: form.get("body") });
    return (await done())("noteAdded");
  }, `/dossiers/${encodeURIComponent(dossierId)}`, failures);
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
    const t = await done();
    if (outcome.state === "awaiting_confirmation") return t("erasureRequested");
    return t(outcome.assure === "pending" ? "erasedPending" : "erased");
  }, dossierPath(dossierId), failures);
}

export async function confirmErasureAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    const outcome = await confirmErasure(ctx, erasureDeps(), { dossierId });
    return (await done())(outcome.assure === "pending" ? "confirmedPending" : "confirmed");
  }, dossierPath(dossierId), failures);
}

export async function withdrawErasureAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  return runAction(async () => {
    await withdrawErasure(ctx, { dossierId });
    return (await done())("withdrawn");
  }, dossierPath(dossierId), failures);
}

export async function legalHoldAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  const dossierId = String(form.get("dossierId") ?? "");
  const lift = form.get("intent") === "lift";
  return runAction(async () => {
    const input = { dossierId, reason: form.get("reason") };
    if (lift) await liftLegalHold(ctx, input);
    else await placeLegalHold(ctx, input);
    return (await done())(lift ? "holdLifted" : "holdPlaced");
  }, dossierPath(dossierId), failures);
}
