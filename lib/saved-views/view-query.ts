import "server-only";
import { DossierFilters } from "../dossiers/dossier-list-query";
import { InvalidInput } from "../errors";
import { parseInput } from "../parse-input";
import type { StaffRole } from "../auth/permissions";
import { can } from "../auth/permissions";
import { DOSSIER_SORTS, PROCESS_SORTS } from "../lists/list-values";
import { PROCESS_STATUSES } from "../assure/values";
import { ProcessFilters } from "../processes/process-list-query";
import { SAVED_VIEW_LISTS } from "../../db/enums";

export { SAVED_VIEW_LISTS };
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/**
 * A saved view's query: the filters of a list's URL, read and checked by the list's own server-side parser
 * (ProcessFilters, DossierFilters: the zod schemas the pages, counts and exports use) and written back in one
 * form, so that a view, its link and its count all mean the same rows.
 *
 * The URL form is the lists' (app/(desk)/processes/search-params.ts, …/dossiers/search-params.ts): the first
 * of repeated keys, statuses comma-separated, `linked=true`, days as YYYY-MM-DD; a value equal to the page's
 * default is left out. app/(desk)/saved-view-query.test.ts checks that those nuqs parsers read what this writes
 * as the same view.
 *
 * Not kept: the page position (`sort` is kept, `size` and `cursor` are not), any key the list does not know
 * (dropped), and the look-up box (`q`, `by`): it holds a person's name, document number or date of birth, which
 * the retention purge and erasure would not reach in a saved view; a look-up is refused, not silently dropped.
 */

/** Each list's filter keys, in the order a normalised query writes them (its search-params.ts's order). */
const FILTER_KEYS = {
  processes: ["status", "type", "doc", "country", "dates", "from", "to", "assigned", "reason", "finding", "linked", "sort"],
  dossiers: ["from", "to", "sort"],
} as const satisfies Record<SavedViewList, readonly string[]>;

const DEFAULT_SORT: Record<SavedViewList, string> = { processes: "updated.desc", dossiers: "activity.desc" };

export const MAX_QUERY_LENGTH = 2_000;

export interface ViewFilters {
  list: SavedViewList;
  /** The list's filters as its zod schema gives them (ProcessFilters or DossierFilters). */
  filters: ProcessFilters | DossierFilters;
  sort: string;
}

const WHAT = "These filters cannot be saved";

function firstValues(query: string): Map<string, string> {
  if (query.length > MAX_QUERY_LENGTH) throw new InvalidInput(WHAT, [`the address is longer than ${MAX_QUERY_LENGTH} characters`], { code: "filtersUnreadable" });
  const values = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query.startsWith("?") ? query.slice(1) : query)) {
    if (!values.has(key) && value !== "") values.set(key, value);
  }
  return values;
}

function readSort(list: SavedViewList, given: string | undefined): string {
  if (given === undefined) return DEFAULT_SORT[list];
  const known: readonly string[] = list === "processes" ? PROCESS_SORTS : DOSSIER_SORTS;
  if (!known.includes(given)) throw new InvalidInput(WHAT, [`sort: “${given.slice(0, 40)}” is not one of ${known.join(", ")}`], { code: "filtersUnreadable" });
  return given;
}

function readLinked(given: string | undefined): boolean | undefined {
  if (given === undefined) return undefined;
  if (given === "true" || given === "false") return given === "true";
  throw new InvalidInput(WHAT, [`linked: “${given.slice(0, 40)}” is not true or false`], { code: "filtersUnreadable" });
}

/** A list's URL query (with or without `?`) as that list's checked filters; throws InvalidInput naming the key. */
export function readViewQuery(list: SavedViewList, query: string): ViewFilters {
  const values = firstValues(query);
  if (values.has("q")) {
    throw new InvalidInput(WHAT, ["q: a saved view keeps filters, not a look-up (a name, document number or date of birth): clear the look-up box first"], { code: "viewLookUp" });
  }
  const known = new Set<string>(FILTER_KEYS[list]);
  const given = Object.fromEntries([...values].filter(([key]) => known.has(key)));
  const sort = readSort(list, given.sort);
  if (list === "dossiers") {
    const filters = parseInput(DossierFilters, { from: given.from, to: given.to }, WHAT, "filtersUnreadable");
    return { list, filters, sort };
  }
  const filters = parseInput(
    ProcessFilters,
    {
      status: given.status?.split(",").filter((s) => s !== ""),
      type: given.type,
      doc: given.doc,
      country: given.country,
      dates: given.dates,
      from: given.from,
      to: given.to,
      assigned: given.assigned,
      reason: given.reason,
      finding: given.finding,
      linked: readLinked(given.linked),
    },
    WHAT,
    "filtersUnreadable",
  );
  return { list, filters, sort };
}

/** The normalised query: known keys in FILTER_KEYS' order, defaults left out, statuses in the list's order. */
export function writeViewQuery({ list, filters, sort }: ViewFilters): string {
  const f = filters as ProcessFilters;
  const values: Record<string, string | null | undefined> = {
    status: f.status?.length ? PROCESS_STATUSES.filter((s) => f.status!.includes(s)).join(",") : null,
    type: f.type,
    doc: f.doc,
    country: f.country,
    reason: f.reason,
    finding: f.finding,
    linked: f.linked ? "true" : null,
    assigned: f.assigned,
    // `dates` says which time the day range applies to: meaningless without one, and "updated" is the default.
    dates: f.dates && f.dates !== "updated" && (f.from || f.to) ? f.dates : null,
    from: filters.from,
    to: filters.to,
    sort: sort === DEFAULT_SORT[list] ? null : sort,
  };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS[list]) {
    const value = values[key];
    if (value) params.set(key, value);
  }
  return params.toString().replaceAll("%2C", ",");
}

/** Reads and writes a query back: what a saved view stores. */
export function normaliseViewQuery(list: SavedViewList, query: string): string {
  return writeViewQuery(readViewQuery(list, query));
}

/** Whether a role may open this view: the review filters (My queue, Decided, Unassigned) are for reviewers. */
export function viewUsableBy(role: StaffRole, view: ViewFilters): boolean {
  return !(view.list === "processes" && (view.filters as ProcessFilters).assigned) || can(role, "reviews.write");
}
