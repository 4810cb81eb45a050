import { createLoader, createSerializer, parseAsNumberLiteral, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { findIgnoredParams, parseAsIsoDay } from "@/components/ignored-search-params";
import { DOSSIER_SORTS, type ListDossiersInput } from "@/lib/dossiers/dossier-list-query";
import { LOOKUP_KINDS } from "@/lib/processes/parse-lookup";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/processes/process-list-query";

/** The dossier list's URL, shared by the server page and the client table (as for the queue). */
export const dossierSearchParams = {
  q: parseAsString.withDefault(""),
  by: parseAsStringLiteral(LOOKUP_KINDS).withDefault("auto"),
  /** Last activity between these UTC days. */
  from: parseAsIsoDay,
  to: parseAsIsoDay,
  sort: parseAsStringLiteral(DOSSIER_SORTS).withDefault("activity.desc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  cursor: parseAsString,
};

export type DossierSearchParams = inferParserType<typeof dossierSearchParams>;

export const loadDossierSearchParams = createLoader(dossierSearchParams);

const EXPECTED: Partial<Record<keyof typeof dossierSearchParams, string>> = {
  by: `one of ${LOOKUP_KINDS.join(", ")}`,
  from: "a date, YYYY-MM-DD",
  to: "a date, YYYY-MM-DD",
  sort: `one of ${DOSSIER_SORTS.join(", ")}`,
  size: `one of ${PAGE_SIZES.join(", ")}`,
};

/** The values in this address the dossier list does not know, to name on the page. */
export const findIgnoredDossierParams = (raw: Record<string, string | string[] | undefined>) =>
  findIgnoredParams(dossierSearchParams, raw, EXPECTED);
export const serializeDossierSearchParams = createSerializer(dossierSearchParams);

export function toListDossiersInput(params: DossierSearchParams): Required<Pick<ListDossiersInput, "filters" | "sort" | "limit" | "cursor">> {
  return {
    filters: { q: params.q || null, by: params.by, from: params.from, to: params.to },
    sort: params.sort,
    limit: params.size,
    cursor: params.cursor,
  };
}
