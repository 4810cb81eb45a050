"use client";

import type { ReactNode } from "react";
import type { LookupKind } from "@/lib/processes/parse-lookup";
import { LookupBox } from "./lookup-box";

export const filterField = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const filterCaption = "text-xs font-semibold uppercase tracking-wide text-slate-600";

interface ListFiltersBarProps {
  q: string;
  by: LookupKind;
  isPending: boolean;
  onLookUp: (q: string | null, by: LookupKind | null) => void;
  /** The list's own filters, under the look-up box. */
  children: ReactNode;
}

/** A list's filters: the one look-up box, then what the list adds; busy while the server renders a change. */
export function ListFiltersBar({ q, by, isPending, onLookUp, children }: ListFiltersBarProps) {
  return (
    <div className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4" aria-busy={isPending}>
      {/* Keyed by the URL's q and by, so that Back and shared links refill it. */}
      <LookupBox key={`${q}|${by}`} initialText={q} initialKind={by} onLookUp={(text, kind) => onLookUp(text || null, kind === "auto" ? null : kind)} />
      {children}
    </div>
  );
}

interface DayRangeInputsProps {
  from: string | null;
  to: string | null;
  onChange: (range: { from?: string | null; to?: string | null }) => void;
}

/** From and to, UTC days, inside the list's own fieldset (which says what the range applies to). */
export function DayRangeInputs({ from, to, onChange }: DayRangeInputsProps) {
  return (
    <>
      <label>
        <span className="sr-only">From</span>
        <input type="date" className={filterField} value={from ?? ""} onChange={(e) => onChange({ from: e.target.value || null })} />
      </label>
      <span aria-hidden className="pb-2 text-slate-500">–</span>
      <label>
        <span className="sr-only">To</span>
        <input type="date" className={filterField} value={to ?? ""} onChange={(e) => onChange({ to: e.target.value || null })} />
      </label>
    </>
  );
}

interface SortSelectProps<S extends string> {
  sorts: readonly S[];
  labels: Record<S, string>;
  value: S;
  onChange: (sort: S) => void;
}

export function SortSelect<S extends string>({ sorts, labels, value, onChange }: SortSelectProps<S>) {
  return (
    <label className="flex flex-col gap-1">
      <span className={filterCaption}>Sort</span>
      <select className={filterField} value={value} onChange={(e) => onChange(e.target.value as S)}>
        {sorts.map((s) => (
          <option key={s} value={s}>{labels[s]}</option>
        ))}
      </select>
    </label>
  );
}
