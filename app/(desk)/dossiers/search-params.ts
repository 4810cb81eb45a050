import { createLoader, createSerializer, type inferParserType } from "nuqs/server";
import { findIgnoredParams, type Expected } from "@/components/ignored-search-params";
import { listExpected, listSearchParams } from "@/components/list-kit/list-search-params";
import type { ListDossiersInput } from "@/lib/dossiers/dossier-list-query";
import { DOSSIER_SORTS } from "@/lib/lists/list-values";

/** The dossier list's URL, shared by the server page and the client table (as for the queue); `from`/`to` bound the last activity (UTC days). */
export const dossierSearchParams = listSearchParams(DOSSIER_SORTS, "activity.desc");

export type DossierSearchParams = inferParserType<typeof dossierSearchParams>;

export const loadDossierSearchParams = createLoader(dossierSearchParams);

const EXPECTED: Partial<Record<keyof typeof dossierSearchParams, Expected>> = listExpected(DOSSIER_SORTS);

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
