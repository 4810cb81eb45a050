"use client";

import type { Messages } from "@/components/labels";
import { DayRangeInputs, filterCaption, ListFiltersBar, SortSelect, type ListFilterMessages } from "@/components/list-kit/list-filters-bar";
import { useListSearchParams } from "@/components/list-kit/use-list-search-params";
import { DOSSIER_SORTS } from "@/lib/lists/list-values";
import { dossierSearchParams } from "../search-params";

interface DossierFiltersProps {
  messages: ListFilterMessages & { dossiers: Messages["Dossiers"]["filters"] };
}

/** Look up a dossier by anything its processes say about the person, or by an id. */
export function DossierFilters({ messages }: DossierFiltersProps) {
  const { params, setView, isPending } = useListSearchParams(dossierSearchParams);
  return (
    <ListFiltersBar q={params.q} by={params.by} isPending={isPending} onLookUp={(q, by) => setView({ q, by })} messages={messages}>
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className={`${filterCaption} mb-1`}>{messages.dossiers.lastActivity}</legend>
          <DayRangeInputs from={params.from} to={params.to} onChange={setView} words={messages.lists} />
        </fieldset>
        <SortSelect sorts={DOSSIER_SORTS} labels={messages.dossiers.sort} value={params.sort} onChange={(sort) => setView({ sort })} caption={messages.lists.sort} />
      </div>
    </ListFiltersBar>
  );
}
