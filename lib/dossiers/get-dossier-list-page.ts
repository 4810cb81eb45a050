import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import type { StatusCount } from "../processes/status-counts-types";
import { countDossiers } from "./count-dossiers";
import { listDossiers, type DossierPage, type ListDossiersInput } from "./list-dossiers";

/** The dossier list's reads, started together and handed over unawaited so that the page streams them. */
export interface DossierListPageModel {
  page: Promise<DossierPage>;
  count: Promise<StatusCount>;
}

export async function getDossierListPage(ctx: Ctx, input: unknown): Promise<DossierListPageModel> {
  requireCapability(ctx, "processes.read");
  const filters = (input as { filters?: unknown } | null)?.filters;
  return { page: listDossiers(ctx.db, input as ListDossiersInput), count: countDossiers(ctx.db, filters) };
}
