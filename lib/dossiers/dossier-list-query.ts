import { z } from "zod";
import type { FilterPhrase } from "../lists/filter-phrases";
import { describeDays, listFilters, pageOf } from "../lists/list-query";
import { DOSSIER_SORTS } from "../lists/list-values";

/** The server's reading of a view of the dossier list (the same kit as the queue's: lib/lists/). */

export { DOSSIER_SORTS, type DossierSort } from "../lists/list-values";

/** `from`/`to`: last activity on or after / on or before (days in the viewer's zone, `tz`). */
export const DossierFilters = listFilters({});
export type DossierFilters = z.output<typeof DossierFilters>;

export const ListDossiersInput = z.object({ filters: DossierFilters.default({}), ...pageOf(DOSSIER_SORTS, "activity.desc") });
export type ListDossiersInput = z.input<typeof ListDossiersInput>;

/** The filters as phrases (lib/lists/filter-phrases.ts), said in the page's language. */
export const describeDossierFilters = (filters: DossierFilters): FilterPhrase[] => describeDays("activity", filters.from, filters.to);
