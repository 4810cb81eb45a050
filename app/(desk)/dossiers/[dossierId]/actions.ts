"use server";

import { addDossierNote } from "@/lib/notes/dossier-notes";
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
