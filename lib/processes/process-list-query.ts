import { z } from "zod";
import { PROCESS_STATUSES, PROCESS_TYPES } from "../assure/values";
import type { FilterPhrase } from "../lists/filter-phrases";
import { describeDays, listFilters, pageOf } from "../lists/list-query";
import { ASSIGNMENT_FILTERS, DATE_FIELDS, FAIL_REASON_PATTERN, FINDING_PATH_PATTERN, LISTED_DOCUMENT_TYPES, PROCESS_SORTS } from "../lists/list-values";

/** The server's reading of a view of the queue; the value lists are in lib/lists/list-values.ts (zod-free, the client's). */

export {
  ASSIGNMENT_FILTERS,
  DATE_FIELDS,
  DEFAULT_PAGE_SIZE,
  LISTED_DOCUMENT_TYPES,
  PAGE_SIZES,
  PROCESS_SORTS,
  type AssignmentFilter,
  type DateField,
  type PageSize,
  type ProcessSort,
} from "../lists/list-values";

export const ProcessFilters = listFilters({
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
  assigned: z.enum(ASSIGNMENT_FILTERS).nullish(),
  /** Assure's failReason type (the overview's "why they failed" links here). */
  reason: z.string().trim().regex(FAIL_REASON_PATTERN, "a fail reason is a word such as PROVIDER_ERROR").nullish(),
  /** A finding path Onfido flagged `consider`, such as document.image_integrity.image_quality. */
  finding: z.string().trim().regex(FINDING_PATH_PATTERN, "a finding is a dotted path such as document.image_integrity.image_quality").nullish(),
  /** Only processes linked to another dossier (the same person elsewhere) or in a dossier of repeated attempts. */
  linked: z.boolean().nullish(),
});
export type ProcessFilters = z.output<typeof ProcessFilters>;

export const ListProcessesInput = z.object({ filters: ProcessFilters.default({}), ...pageOf(PROCESS_SORTS, "updated.desc") });
export type ListProcessesInput = z.input<typeof ListProcessesInput>;

/**
 * The filters that narrow the set, as phrases (messages under `Filters` with their values): the empty state
 * says which filters found nothing, in the page's language (components/list-kit/filter-words.ts).
 */
export function describeProcessFilters(filters: ProcessFilters): FilterPhrase[] {
  const parts: FilterPhrase[] = [];
  if (filters.assigned) parts.push({ key: "assigned", assigned: filters.assigned });
  if (filters.status?.length) parts.push({ key: "status", statuses: filters.status });
  if (filters.type) parts.push({ key: "processType", type: filters.type });
  if (filters.doc) parts.push({ key: "documentType", doc: filters.doc });
  if (filters.country) parts.push({ key: "country", country: filters.country });
  if (filters.reason) parts.push({ key: "failedFor", reason: filters.reason });
  if (filters.finding) parts.push({ key: "flagged", finding: filters.finding });
  if (filters.linked) parts.push({ key: "linked" });
  parts.push(...describeDays(filters.dates === "created" ? "created" : "updated", filters.from, filters.to));
  return parts;
}
