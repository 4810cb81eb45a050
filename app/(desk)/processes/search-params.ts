import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
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
 * Values a parser does not know fall back to the default; free text (q, country, dates) is checked
 * on the server by lib/processes/process-list-query.ts, which says what is wrong.
 */
export const processSearchParams = {
  /** The look-up box. */
  q: parseAsString.withDefault(""),
  /** How to read `q`: auto-detect, or a name, document number, date of birth or id. */
  by: parseAsStringLiteral(LOOKUP_KINDS).withDefault("auto"),
  status: parseAsArrayOf(parseAsStringLiteral(PROCESS_STATUSES)).withDefault([]),
  type: parseAsStringLiteral(PROCESS_TYPES),
  doc: parseAsStringLiteral(LISTED_DOCUMENT_TYPES),
  country: parseAsString,
  /** Which timestamp `from` and `to` apply to. */
  dates: parseAsStringLiteral(DATE_FIELDS).withDefault("updated"),
  from: parseAsString,
  to: parseAsString,
  /** Compliance's "My queue" and "Unassigned"; whose queue "mine" is comes from the session, never the URL. */
  assigned: parseAsStringLiteral(ASSIGNMENT_FILTERS),
  sort: parseAsStringLiteral(PROCESS_SORTS).withDefault("updated.desc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  /** Opaque keyset position; every filter or sort change clears it. */
  cursor: parseAsString,
};

export type ProcessSearchParams = inferParserType<typeof processSearchParams>;

export const loadProcessSearchParams = createLoader(processSearchParams);
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
