import "server-only";
import { z } from "zod";
import { requireCapability, type Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { getIdentityLinks, type IdentityLinksView } from "../identity/identity-links";
import { InvalidInput, NotFound } from "../errors";
import { listDossierNotes } from "../notes/dossier-notes";
import { parseRouteParams } from "../parse-input";
import { getDossierPrivacy, type DossierPrivacy } from "../retention/get-dossier-privacy";
import { getDossier, MAX_DOSSIER_PROCESSES, type DossierDetail } from "./get-dossier";

const DossierPageParams = z.object({ dossierId: z.string().trim().min(1).max(200) });

export interface DossierPageModel extends DossierDetail {
  notes: Awaited<ReturnType<typeof listDossierNotes>>;
  privacy: DossierPrivacy;
  /** The same person in other dossiers, and repeated attempts in this one. */
  links: IdentityLinksView;
  /** Whether the viewer may download the evidence pack. */
  canExportEvidence: boolean;
  /** The most processes the page lists (`truncated` says when there are more). */
  processLimit: number;
}

/** A dossier with its notes and its personal-data state; a malformed or unknown id is NotFound. */
export async function getDossierPage(ctx: Ctx, params: unknown): Promise<DossierPageModel> {
  const user = requireCapability(ctx, "processes.read");
  const { dossierId } = parseRouteParams(DossierPageParams, params, "No such dossier");
  const detail = await getDossier(ctx.db, dossierId).catch((error: unknown) => {
    throw error instanceof InvalidInput ? new NotFound("No such dossier", { cause: error }) : error;
  });
  const [notes, privacy, links] = await Promise.all([
    listDossierNotes(ctx, detail.dossier.dossierId),
    getDossierPrivacy(ctx, detail.dossier.dossierId),
    getIdentityLinks(ctx.db, { dossierId: detail.dossier.dossierId }, can(user.role, "identity.matches")),
  ]);
  return { ...detail, notes, privacy, links, canExportEvidence: can(user.role, "evidence.read"), processLimit: MAX_DOSSIER_PROCESSES };
}
