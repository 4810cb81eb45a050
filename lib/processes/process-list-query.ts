import { z } from "zod";
import { DOCUMENT_TYPES, PROCESS_STATUSES, PROCESS_TYPES } from "../assure/schemas";
import { LOOKUP_KINDS } from "./parse-lookup";

/**
 * What a view of the queue may ask for: the lists the URL parsers (app/(desk)/processes/search-params.ts)
 * and the server-side validation below share, so there is one list of sorts, sizes and filter values.
 * Pure: the client imports these lists too.
 */

export const PROCESS_SORTS = ["updated.desc", "updated.asc", "created.desc", "created.asc"] as const;
export type ProcessSort = (typeof PROCESS_SORTS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** Which of Assure's timestamps the date range applies to. */
export const DATE_FIELDS = ["updated", "created"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/**
 * The review filters (compliance only): "mine" is what the signed-in officer has taken and not yet
 * decided; "decided" is their work with a final decision; "unassigned" is open review work nobody has
 * taken (lib/processes/assignment-filter.ts says exactly what each is).
 */
export const ASSIGNMENT_FILTERS = ["mine", "decided", "unassigned"] as const;
export type AssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number];

/** Document types Assure reports, including `unknown` for an Onfido type it does not map. */
export const LISTED_DOCUMENT_TYPES = [...DOCUMENT_TYPES, "unknown"] as const;

const isoDay = z.iso.date({ error: "dates are YYYY-MM-DD" });

export const ProcessFilters = z
  .object({
    q: z.string().trim().max(200).nullish(),
    by: z.enum(LOOKUP_KINDS).nullish(),
    status: z.array(z.enum(PROCESS_STATUSES)).max(PROCESS_STATUSES.length).nullish(),
    type: z.enum(PROCESS_TYPES).nullish(),
    doc: z.enum(LISTED_DOCUMENT_TYPES).nullish(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "a country is an ISO 3166 alpha-3 code such as PRT")
      .transform((c) => c.toUpperCase())
      .nullish(),
    dates: z.enum(DATE_FIELDS).nullish(),
    from: isoDay.nullish(),
    to: isoDay.nullish(),
    assigned: z.enum(ASSIGNMENT_FILTERS).nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "the date range ends before it starts", path: ["to"] });
export type ProcessFilters = z.output<typeof ProcessFilters>;

export const ListProcessesInput = z.object({
  filters: ProcessFilters.default({}),
  sort: z.enum(PROCESS_SORTS).default("updated.desc"),
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PAGE_SIZE),
  /** Opaque keyset cursor from a previous page's `nextCursor` or `prevCursor`. */
  cursor: z.string().max(400).nullish(),
});
export type ListProcessesInput = z.input<typeof ListProcessesInput>;

/** The filters that narrow the set, as words: the empty state says which filters found nothing. */
export function describeProcessFilters(filters: ProcessFilters): string[] {
  const parts: string[] = [];
  if (filters.assigned === "mine") parts.push("assigned to you and not decided");
  if (filters.assigned === "decided") parts.push("taken or decided by you, with a final decision");
  if (filters.assigned === "unassigned") parts.push("open for review (inconclusive or rejected, no final decision) and assigned to nobody");
  if (filters.status?.length) parts.push(`status is ${filters.status.join(" or ")}`);
  if (filters.type) parts.push(`process type is ${filters.type}`);
  if (filters.doc) parts.push(`document type is ${filters.doc}`);
  if (filters.country) parts.push(`issuing country is ${filters.country}`);
  const field = filters.dates === "created" ? "created" : "updated";
  if (filters.from && filters.to) parts.push(`${field} between ${filters.from} and ${filters.to}`);
  else if (filters.from) parts.push(`${field} on or after ${filters.from}`);
  else if (filters.to) parts.push(`${field} on or before ${filters.to}`);
  return parts;
}
