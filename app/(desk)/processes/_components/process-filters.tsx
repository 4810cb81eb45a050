"use client";

import type { TableResult } from "@/components/data-table-result";
import { DayRangeInputs, filterCaption as caption, filterField as field, ListFiltersBar, SortSelect } from "@/components/list-kit/list-filters-bar";
import { useListSearchParams } from "@/components/list-kit/use-list-search-params";
import { PROCESS_TYPES } from "@/lib/assure/values";
import { DATE_FIELDS, LISTED_DOCUMENT_TYPES, PROCESS_SORTS } from "@/lib/lists/list-values";
import type { StatusCounts } from "@/lib/processes/status-counts-types";
import { DOCUMENT_TYPE_LABELS, PROCESS_SORT_LABELS, PROCESS_TYPE_LABELS } from "@/components/labels";
import { AssignmentFilterChoice } from "./assignment-filter-choice";
import { StatusFilter } from "./status-filter";
import { processSearchParams } from "../search-params";

interface ProcessFiltersProps {
  counts: Promise<TableResult<StatusCounts>>;
  /** Roles that review (compliance) see "My queue" and "Unassigned"; the server refuses them to others. */
  canReview: boolean;
}

/** Everything that narrows or orders the queue; each change is a new URL and starts at the first page. */
export function ProcessFilters({ counts, canReview }: ProcessFiltersProps) {
  const { params, setView, isPending } = useListSearchParams(processSearchParams);
  const filtered = Boolean(
    params.q || params.assigned || params.linked || params.status.length || params.type || params.doc || params.country || params.from || params.to,
  );

  return (
    <ListFiltersBar q={params.q} by={params.by} isPending={isPending} onLookUp={(q, by) => setView({ q, by })}>
      {canReview && <AssignmentFilterChoice selected={params.assigned} onChange={(assigned) => setView({ assigned })} />}
      <StatusFilter selected={params.status} counts={counts} onChange={(status) => setView({ status })} />
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1">
          <span className={caption}>Process type</span>
          <select className={field} value={params.type ?? ""} onChange={(e) => setView({ type: (e.target.value || null) as typeof params.type })}>
            <option value="">All</option>
            {PROCESS_TYPES.map((t) => (
              <option key={t} value={t}>{PROCESS_TYPE_LABELS[t]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={caption}>Document</span>
          <select className={field} value={params.doc ?? ""} onChange={(e) => setView({ doc: (e.target.value || null) as typeof params.doc })}>
            <option value="">All</option>
            {LISTED_DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>{DOCUMENT_TYPE_LABELS[t]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={caption}>Issuing country</span>
          <input
            key={params.country ?? ""}
            defaultValue={params.country ?? ""}
            placeholder="e.g. PRT"
            maxLength={3}
            size={6}
            className={`${field} uppercase`}
            onBlur={(e) => e.target.value.toUpperCase() !== (params.country ?? "") && setView({ country: e.target.value.toUpperCase() || null })}
            onKeyDown={(e) => e.key === "Enter" && setView({ country: e.currentTarget.value.toUpperCase() || null })}
          />
        </label>
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className={`${caption} mb-1`}>Date range (UTC)</legend>
          <label>
            <span className="sr-only">Date range applies to</span>
            <select className={field} value={params.dates} onChange={(e) => setView({ dates: e.target.value as (typeof DATE_FIELDS)[number] })}>
              <option value="updated">Updated</option>
              <option value="created">Created</option>
            </select>
          </label>
          <DayRangeInputs from={params.from} to={params.to} onChange={setView} />
        </fieldset>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={params.linked} onChange={(e) => setView({ linked: e.target.checked || null })} />
          Linked
          <span className="sr-only">: only processes also seen in another dossier, or with repeated attempts</span>
        </label>
        <SortSelect sorts={PROCESS_SORTS} labels={PROCESS_SORT_LABELS} value={params.sort} onChange={(sort) => setView({ sort })} />
        {filtered && (
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => setView({ q: null, by: null, assigned: null, linked: null, status: null, type: null, doc: null, country: null, dates: null, from: null, to: null })}
          >
            Clear all filters
          </button>
        )}
      </div>
    </ListFiltersBar>
  );
}
