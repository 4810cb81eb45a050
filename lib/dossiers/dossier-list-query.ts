import { z } from "zod";
import { describeDays, listFilters, pageOf } from "../lists/list-query";
import { DOSSIER_SORTS } from "../lists/list-values";

/** The server's reading of a view of the dossier list (the same kit as the queue's: lib/lists/). */

export { DOSSIER_SORTS, type DossierSort } from "../lists/list-values";

/** `from`/`to`: last activity on or after / on or before (UTC days). */
export const DossierFilters = listFilters({});
export type DossierFilters = z.output<typeof DossierFilters>;

export const ListDossiersInput = z.object({ filters: DossierFilters.default({}), ...pageOf(DOSSIER_SORTS, "activity.desc") });
export type ListDossiersInput = z.input<typeof ListDossiersInput>;

export const describeDossierFilters = (filters: DossierFilters): string[] => describeDays("last activity", filters.from, filters.to);
