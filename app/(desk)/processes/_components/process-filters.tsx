"use client";

import type { TableResult } from "@/components/data-table-result";
import { PROCESS_TYPES } from "@/lib/assure/schemas";
import { DATE_FIELDS, LISTED_DOCUMENT_TYPES, PROCESS_SORTS, type ProcessSort } from "@/lib/processes/process-list-query";
import type { StatusCounts } from "@/lib/processes/status-counts-types";
import { DOCUMENT_TYPE_LABELS, PROCESS_SORT_LABELS, PROCESS_TYPE_LABELS } from "@/components/labels";
import { AssignmentFilterChoice } from "./assignment-filter-choice";
import { LookupBox } from "@/components/lookup-box";
import { StatusFilter } from "./status-filter";
import { useProcessSearchParams } from "./use-process-search-params";

interface ProcessFiltersProps {
  counts: Promise<TableResult<StatusCounts>>;
  /** Roles that review (compliance) see "My queue" and "Unassigned"; the server refuses them to others. */
  canReview: boolean;
}

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const caption = "text-xs font-semibold uppercase tracking-wide text-slate-600";

/** Everything that narrows or orders the queue; each change is a new URL and starts at the first page. */
export function ProcessFilters({ counts, canReview }: ProcessFiltersProps) {
  const { params, setView, isPending } = useProcessSearchParams();
  const filtered = Boolean(
    params.q || params.assigned || params.status.length || params.type || params.doc || params.country || params.from || params.to,
  );

  return (
    <div className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4" aria-busy={isPending}>
      <LookupBox
        key={`${params.q}|${params.by}`}
        initialText={params.q}
        initialKind={params.by}
        onLookUp={(q, by) => setView({ q: q || null, by: by === "auto" ? null : by })}
      />
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
        <fieldset className="flex items-end gap-2">
          <legend className={`${caption} mb-1`}>Date range (UTC)</legend>
          <label>
            <span className="sr-only">Date range applies to</span>
            <select className={field} value={params.dates} onChange={(e) => setView({ dates: e.target.value as (typeof DATE_FIELDS)[number] })}>
              <option value="updated">Updated</option>
              <option value="created">Created</option>
            </select>
          </label>
          <label>
            <span className="sr-only">From</span>
            <input type="date" className={field} value={params.from ?? ""} onChange={(e) => setView({ from: e.target.value || null })} />
          </label>
          <span aria-hidden className="pb-2 text-slate-500">–</span>
          <label>
            <span className="sr-only">To</span>
            <input type="date" className={field} value={params.to ?? ""} onChange={(e) => setView({ to: e.target.value || null })} />
          </label>
        </fieldset>
        <label className="flex flex-col gap-1">
          <span className={caption}>Sort</span>
          <select className={field} value={params.sort} onChange={(e) => setView({ sort: e.target.value as ProcessSort })}>
            {PROCESS_SORTS.map((s) => (
              <option key={s} value={s}>{PROCESS_SORT_LABELS[s]}</option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => setView({ q: null, by: null, assigned: null, status: null, type: null, doc: null, country: null, dates: null, from: null, to: null })}
          >
            Clear all filters
          </button>
        )}
      </div>
    </div>
  );
}
