"use client";

import { DayRangeInputs, filterCaption, ListFiltersBar, SortSelect } from "@/components/list-kit/list-filters-bar";
import { useListSearchParams } from "@/components/list-kit/use-list-search-params";
import { DOSSIER_SORTS, type DossierSort } from "@/lib/lists/list-values";
import { dossierSearchParams } from "../search-params";

const SORT_LABELS: Record<DossierSort, string> = {
  "activity.desc": "Last activity, newest first",
  "activity.asc": "Last activity, oldest first",
  "first-seen.desc": "First seen, newest first",
  "first-seen.asc": "First seen, oldest first",
};

/** Look up a dossier by anything its processes say about the person, or by an id. */
export function DossierFilters() {
  const { params, setView, isPending } = useListSearchParams(dossierSearchParams);
  return (
    <ListFiltersBar q={params.q} by={params.by} isPending={isPending} onLookUp={(q, by) => setView({ q, by })}>
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className={`${filterCaption} mb-1`}>Last activity (UTC)</legend>
          <DayRangeInputs from={params.from} to={params.to} onChange={setView} />
        </fieldset>
        <SortSelect sorts={DOSSIER_SORTS} labels={SORT_LABELS} value={params.sort} onChange={(sort) => setView({ sort })} />
      </div>
    </ListFiltersBar>
  );
}
