import { createLoader, createSerializer, parseAsArrayOf, parseAsBoolean, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { findIgnoredParams, parseAsCountryCode, type Expected } from "@/components/ignored-search-params";
import { listExpected, listSearchParams } from "@/components/list-kit/list-search-params";
import { PROCESS_STATUSES, PROCESS_TYPES } from "@/lib/assure/values";
import { ASSIGNMENT_FILTERS, DATE_FIELDS, LISTED_DOCUMENT_TYPES, PROCESS_SORTS } from "@/lib/lists/list-values";
import type { ListProcessesInput, ProcessFilters } from "@/lib/processes/process-list-query";

/**
 * The queue's URL: the one definition of its search params, read by the server page (loader) and
 * written by the client table (components/list-kit/use-list-search-params.ts), so that every view is a link staff can share.
 * `nuqs/server` carries no "use client" and no server-only code: both sides import this file.
 * A value a parser does not know is left out of the view and named on the page (`findIgnoredParams`);
 * the server checks the view again (lib/processes/process-list-query.ts, with zod, which never reaches the
 * browser) and refuses what does not fit together, such as a date range that ends before it starts.
 */
const { q, by, from, to, sort, size, cursor } = listSearchParams(PROCESS_SORTS, "updated.desc");

export const processSearchParams = {
  /** The look-up box, and how to read it: auto-detect, or a name, document number, date of birth or id. */
  q,
  by,
  status: parseAsArrayOf(parseAsStringLiteral(PROCESS_STATUSES)).withDefault([]),
  type: parseAsStringLiteral(PROCESS_TYPES),
  doc: parseAsStringLiteral(LISTED_DOCUMENT_TYPES),
  country: parseAsCountryCode,
  /** Which timestamp `from` and `to` apply to. */
  dates: parseAsStringLiteral(DATE_FIELDS).withDefault("updated"),
  from,
  to,
  /** Compliance's "My queue" and "Unassigned"; whose queue "mine" is comes from the session, never the URL. */
  assigned: parseAsStringLiteral(ASSIGNMENT_FILTERS),
  /** Assure's failReason type; the overview links here. */
  reason: parseAsString,
  /** A finding path Onfido flagged (`document.image_integrity.image_quality`); the overview links here. */
  finding: parseAsString,
  /** Only processes linked to another dossier or with repeated attempts. */
  linked: parseAsBoolean.withDefault(false),
  sort,
  size,
  /** Opaque keyset position; every filter or sort change clears it. */
  cursor,
};

export type ProcessSearchParams = inferParserType<typeof processSearchParams>;

export const loadProcessSearchParams = createLoader(processSearchParams);

const EXPECTED: Partial<Record<keyof typeof processSearchParams, Expected>> = {
  ...listExpected(PROCESS_SORTS),
  status: { kind: "statuses", choices: PROCESS_STATUSES },
  type: { kind: "oneOf", choices: PROCESS_TYPES },
  doc: { kind: "oneOf", choices: LISTED_DOCUMENT_TYPES },
  country: { kind: "country" },
  dates: { kind: "oneOf", choices: DATE_FIELDS },
  assigned: { kind: "oneOf", choices: ASSIGNMENT_FILTERS },
  linked: { kind: "boolean" },
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
    reason: params.reason,
    finding: params.finding,
    linked: params.linked || null,
  };
}

export function toListProcessesInput(params: ProcessSearchParams): ListProcessesInput {
  return { filters: toProcessFilters(params), sort: params.sort, limit: params.size, cursor: params.cursor };
}

/** The queue's address for a view the server read (a process page's way back to the list it came from). */
export function processListHref(view: { filters: ProcessFilters; sort: ProcessSearchParams["sort"] }): string {
  const f = view.filters;
  return `/processes${serializeProcessSearchParams({
    q: f.q ?? null,
    by: f.by ?? null,
    status: f.status ?? null,
    type: f.type ?? null,
    doc: f.doc ?? null,
    country: f.country ?? null,
    dates: f.dates ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
    assigned: f.assigned ?? null,
    reason: f.reason ?? null,
    finding: f.finding ?? null,
    linked: f.linked ?? null,
    sort: view.sort,
  })}`;
}
