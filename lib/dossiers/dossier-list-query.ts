import { z } from "zod";
import { LOOKUP_KINDS } from "../processes/parse-lookup";
import { DEFAULT_PAGE_SIZE } from "../processes/process-list-query";

/** What a view of the dossier list may ask for; shared by the URL parsers and the server validation. */

export const DOSSIER_SORTS = ["activity.desc", "activity.asc", "first-seen.desc", "first-seen.asc"] as const;
export type DossierSort = (typeof DOSSIER_SORTS)[number];

const isoDay = z.iso.date({ error: "dates are YYYY-MM-DD" });

export const DossierFilters = z
  .object({
    q: z.string().trim().max(200).nullish(),
    by: z.enum(LOOKUP_KINDS).nullish(),
    /** Last activity on or after / on or before (UTC days). */
    from: isoDay.nullish(),
    to: isoDay.nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "the date range ends before it starts", path: ["to"] });
export type DossierFilters = z.output<typeof DossierFilters>;

export const ListDossiersInput = z.object({
  filters: DossierFilters.default({}),
  sort: z.enum(DOSSIER_SORTS).default("activity.desc"),
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(400).nullish(),
});
export type ListDossiersInput = z.input<typeof ListDossiersInput>;

export function describeDossierFilters(filters: DossierFilters): string[] {
  if (filters.from && filters.to) return [`last activity between ${filters.from} and ${filters.to}`];
  if (filters.from) return [`last activity on or after ${filters.from}`];
  if (filters.to) return [`last activity on or before ${filters.to}`];
  return [];
}
