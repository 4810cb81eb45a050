import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import type { StatusCount } from "../processes/status-counts-types";
import { listSavedViews, type SavedViewsOfList } from "../saved-views/list-saved-views";
import { countDossiers } from "./count-dossiers";
import { listDossiers, type DossierPage, type ListDossiersInput } from "./list-dossiers";

/** The dossier list's reads, started together and handed over unawaited so that the page streams them. */
export interface DossierListPageModel {
  page: Promise<DossierPage>;
  count: Promise<StatusCount>;
  /** Compliance and admins may take the whole view as a CSV file (lib/dossiers/export-dossiers.ts). */
  canExport: boolean;
  /** The user's saved views of the dossier list and the team's shared ones (lib/saved-views/). */
  views: Promise<SavedViewsOfList>;
}

export async function getDossierListPage(ctx: Ctx, input: unknown): Promise<DossierListPageModel> {
  const user = requireCapability(ctx, "processes.read");
  const filters = (input as { filters?: unknown } | null)?.filters;
  return {
    page: listDossiers(ctx.db, input as ListDossiersInput),
    count: countDossiers(ctx.db, filters),
    canExport: can(user.role, "lists.export"),
    views: listSavedViews(ctx, { list: "dossiers" }),
  };
}
