import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { findIgnoredParams, parseAsCountryCode, parseAsIsoDay } from "@/components/ignored-search-params";
import { PROCESS_STATUSES, PROCESS_TYPES } from "@/lib/assure/schemas";
import { LOOKUP_KINDS } from "@/lib/processes/parse-lookup";
import {
  ASSIGNMENT_FILTERS,
  DATE_FIELDS,
  DEFAULT_PAGE_SIZE,
  LISTED_DOCUMENT_TYPES,
  PAGE_SIZES,
  PROCESS_SORTS,
  type ListProcessesInput,
  type ProcessFilters,
} from "@/lib/processes/process-list-query";

/**
 * The queue's URL: the one definition of its search params, read by the server page (loader) and
 * written by the client table (useQueryStates), so that every view is a link staff can share.
 * `nuqs/server` carries no "use client" and no server-only code: both sides import this file.
 * A value a parser does not know is left out of the view and named on the page (`findIgnoredParams`);
 * the server checks the view again (lib/processes/process-list-query.ts) and refuses what does not fit
 * together, such as a date range that ends before it starts.
 */
export const processSearchParams = {
  /** The look-up box. */
  q: parseAsString.withDefault(""),
  /** How to read `q`: auto-detect, or a name, document number, date of birth or id. */
  by: parseAsStringLiteral(LOOKUP_KINDS).withDefault("auto"),
  status: parseAsArrayOf(parseAsStringLiteral(PROCESS_STATUSES)).withDefault([]),
  type: parseAsStringLiteral(PROCESS_TYPES),
  doc: parseAsStringLiteral(LISTED_DOCUMENT_TYPES),
  country: parseAsCountryCode,
  /** Which timestamp `from` and `to` apply to. */
  dates: parseAsStringLiteral(DATE_FIELDS).withDefault("updated"),
  from: parseAsIsoDay,
  to: parseAsIsoDay,
  /** Compliance's "My queue" and "Unassigned"; whose queue "mine" is comes from the session, never the URL. */
  assigned: parseAsStringLiteral(ASSIGNMENT_FILTERS),
  sort: parseAsStringLiteral(PROCESS_SORTS).withDefault("updated.desc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  /** Opaque keyset position; every filter or sort change clears it. */
  cursor: parseAsString,
};

export type ProcessSearchParams = inferParserType<typeof processSearchParams>;

export const loadProcessSearchParams = createLoader(processSearchParams);

const EXPECTED: Partial<Record<keyof typeof processSearchParams, string>> = {
  by: `one of ${LOOKUP_KINDS.join(", ")}`,
  status: `statuses are ${PROCESS_STATUSES.join(", ")}`,
  type: `one of ${PROCESS_TYPES.join(", ")}`,
  doc: `one of ${LISTED_DOCUMENT_TYPES.join(", ")}`,
  country: "an ISO 3166 alpha-3 code such as PRT",
  dates: `one of ${DATE_FIELDS.join(", ")}`,
  from: "a date, YYYY-MM-DD",
  to: "a date, YYYY-MM-DD",
  assigned: `one of ${ASSIGNMENT_FILTERS.join(", ")}`,
  sort: `one of ${PROCESS_SORTS.join(", ")}`,
  size: `one of ${PAGE_SIZES.join(", ")}`,
};

/** The values in this address the queue does not know, to name on the page. */
export const findIgnoredProcessParams = (raw: Record<string, string | string[] | undefined>) =>
  findIgnoredParams(processSearchParams, raw, EXPECTED);
export const serializeProcessSearchParams = createSerializer(processSearchParams);

export function toProcessFilters(params: ProcessSearchParams): ProcessFilters {
  return {
    q: params.q || null,
    by: params.by,
    status: params.status.length ? params.status : null,
    type: params.type,
    doc: params.doc,
    country: params.country,
    dates: params.dates,
    from: params.from,
    to: params.to,
    assigned: params.assigned,
  };
}

export function toListProcessesInput(params: ProcessSearchParams): ListProcessesInput {
  return { filters: toProcessFilters(params), sort: params.sort, limit: params.size, cursor: params.cursor };
}
