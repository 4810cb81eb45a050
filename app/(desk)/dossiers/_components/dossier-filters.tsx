"use client";

import { DOSSIER_SORTS, type DossierSort } from "@/lib/dossiers/dossier-list-query";
import { LookupBox } from "@/components/lookup-box";
import { useDossierSearchParams } from "./use-dossier-search-params";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const caption = "text-xs font-semibold uppercase tracking-wide text-slate-600";

const SORT_LABELS: Record<DossierSort, string> = {
  "activity.desc": "Last activity, newest first",
  "activity.asc": "Last activity, oldest first",
  "first-seen.desc": "First seen, newest first",
  "first-seen.asc": "First seen, oldest first",
};

/** Look up a dossier by anything its processes say about the person, or by an id. */
export function DossierFilters() {
  const { params, setView, isPending } = useDossierSearchParams();
  return (
    <div className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4" aria-busy={isPending}>
      <LookupBox
        key={`${params.q}|${params.by}`}
        initialText={params.q}
        initialKind={params.by}
        onLookUp={(q, by) => setView({ q: q || null, by: by === "auto" ? null : by })}
      />
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex items-end gap-2">
          <legend className={`${caption} mb-1`}>Last activity (UTC)</legend>
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
          <select className={field} value={params.sort} onChange={(e) => setView({ sort: e.target.value as DossierSort })}>
            {DOSSIER_SORTS.map((s) => (
              <option key={s} value={s}>{SORT_LABELS[s]}</option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
