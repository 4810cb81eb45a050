"use client";

import type { TableResult } from "@/components/data-table-result";
import type { Messages } from "@/components/labels";
import { DayRangeInputs, filterCaption as caption, filterField as field, ListFiltersBar, SortSelect, type ListFilterMessages } from "@/components/list-kit/list-filters-bar";
import { useListSearchParams } from "@/components/list-kit/use-list-search-params";
import { PROCESS_TYPES } from "@/lib/assure/values";
import { DATE_FIELDS, LISTED_DOCUMENT_TYPES, PROCESS_SORTS } from "@/lib/lists/list-values";
import type { StatusCounts } from "@/lib/processes/status-counts-types";
import { AssignmentFilterChoice } from "./assignment-filter-choice";
import { StatusFilter } from "./status-filter";
import { processSearchParams } from "../search-params";

interface ProcessFiltersProps {
  counts: Promise<TableResult<StatusCounts>>;
  /** Roles that review (compliance) see "My queue" and "Unassigned"; the server refuses them to others. */
  canReview: boolean;
  messages: ListFilterMessages & { queue: Messages["Queue"]["filters"] };
}

/** Everything that narrows or orders the queue; each change is a new URL and starts at the first page. */
export function ProcessFilters({ counts, canReview, messages }: ProcessFiltersProps) {
  const { queue: words, lists, labels } = messages;
  const { params, setView, isPending } = useListSearchParams(processSearchParams);
  const filtered = Boolean(
    params.q || params.assigned || params.linked || params.status.length || params.type || params.doc || params.country || params.from || params.to,
  );

  return (
    <ListFiltersBar q={params.q} by={params.by} isPending={isPending} onLookUp={(q, by) => setView({ q, by })} messages={messages}>
      {canReview && <AssignmentFilterChoice selected={params.assigned} onChange={(assigned) => setView({ assigned })} words={words} />}
      <StatusFilter selected={params.status} counts={counts} onChange={(status) => setView({ status })} words={words} />
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1">
          <span className={caption}>{words.processType}</span>
          <select className={field} value={params.type ?? ""} onChange={(e) => setView({ type: (e.target.value || null) as typeof params.type })}>
            <option value="">{lists.all}</option>
            {PROCESS_TYPES.map((t) => (
              <option key={t} value={t}>{labels.processType[t]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={caption}>{words.document}</span>
          <select className={field} value={params.doc ?? ""} onChange={(e) => setView({ doc: (e.target.value || null) as typeof params.doc })}>
            <option value="">{lists.all}</option>
            {LISTED_DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>{labels.documentType[t]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={caption}>{words.country}</span>
          <input
            key={params.country ?? ""}
            defaultValue={params.country ?? ""}
            placeholder={words.countryPlaceholder}
            maxLength={3}
            size={6}
            className={`${field} uppercase`}
            onBlur={(e) => e.target.value.toUpperCase() !== (params.country ?? "") && setView({ country: e.target.value.toUpperCase() || null })}
            onKeyDown={(e) => e.key === "Enter" && setView({ country: e.currentTarget.value.toUpperCase() || null })}
          />
        </label>
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className={`${caption} mb-1`}>{words.dateRange}</legend>
          <label>
            <span className="sr-only">{words.dateRangeAppliesTo}</span>
            <select className={field} value={params.dates} onChange={(e) => setView({ dates: e.target.value as (typeof DATE_FIELDS)[number] })}>
              <option value="updated">{words.updated}</option>
              <option value="created">{words.created}</option>
            </select>
          </label>
          <DayRangeInputs from={params.from} to={params.to} onChange={setView} words={lists} />
        </fieldset>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={params.linked} onChange={(e) => setView({ linked: e.target.checked || null })} />
          {words.linked}
          <span className="sr-only">{words.linkedHint}</span>
        </label>
        <SortSelect sorts={PROCESS_SORTS} labels={labels.processSort} value={params.sort} onChange={(sort) => setView({ sort })} caption={lists.sort} />
        {filtered && (
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => setView({ q: null, by: null, assigned: null, linked: null, status: null, type: null, doc: null, country: null, dates: null, from: null, to: null })}
          >
            {lists.clearAllFilters}
          </button>
        )}
      </div>
    </ListFiltersBar>
  );
}
