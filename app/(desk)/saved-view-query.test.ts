import { describe, expect, it } from "vitest";
import { normaliseViewQuery, readViewQuery } from "@/lib/saved-views/view-query";
import { loadDossierSearchParams, serializeDossierSearchParams, toListDossiersInput } from "./dossiers/search-params";
import { loadProcessSearchParams, serializeProcessSearchParams, toProcessFilters } from "./processes/search-params";

/**
 * A saved view stores its list's filters as lib/saved-views/view-query.ts writes them; the lists read their
 * URL with their own nuqs parsers. These must agree: the saved link opens the view that was saved, the page's
 * serializer writes the same address back (so the side bar can tell the active view), and the count of the
 * view is taken over the filters the page applies.
 */

const PROCESS_VIEWS = [
  "",
  "status=rejected,inconclusive&doc=passport&country=NOR",
  "status=failed&reason=PROVIDER_ERROR",
  "dates=created&from=2026-06-01&to=2026-06-30&assigned=unassigned",
  "type=documentSelfie&finding=document.image_integrity.image_quality&linked=true&sort=created.asc",
];

const DOSSIER_VIEWS = ["", "from=2026-06-01&to=2026-06-30", "to=2026-06-30&sort=first-seen.asc"];

/** Leaves out what the other side writes as absent (null, undefined, false, []). */
const present = (filters: object) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null && value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0)));

describe("a saved view's query and its list's URL parsers", () => {
  it.each(PROCESS_VIEWS)("agree for the queue: %s", (query) => {
    expect(normaliseViewQuery("processes", query)).toBe(query);
    const params = loadProcessSearchParams(new URLSearchParams(query));
    expect(serializeProcessSearchParams({ ...params, size: null, cursor: null })).toBe(query ? `?${query}` : "");
    const saved = readViewQuery("processes", query);
    expect(present(saved.filters)).toEqual(present({ ...toProcessFilters(params), by: null, dates: query.includes("dates=") ? params.dates : undefined }));
    expect(saved.sort).toBe(params.sort);
  });

  it.each(DOSSIER_VIEWS)("agree for the dossier list: %s", (query) => {
    expect(normaliseViewQuery("dossiers", query)).toBe(query);
    const params = loadDossierSearchParams(new URLSearchParams(query));
    expect(serializeDossierSearchParams({ ...params, size: null, cursor: null })).toBe(query ? `?${query}` : "");
    const input = toListDossiersInput(params);
    const saved = readViewQuery("dossiers", query);
    expect(present(saved.filters)).toEqual(present({ ...input.filters, q: null, by: null }));
    expect(saved.sort).toBe(input.sort);
  });
});
