"use client";

import { useState, type ReactNode } from "react";
import type { LookupKind } from "@/lib/processes/parse-lookup";
import type { LabelMessages, Messages } from "@/components/labels";
import { useTimeSettings } from "@/components/time-settings";
import type { LookupWords } from "./filter-words";
import { dayFormatOf, dayPattern, readDay, showDay } from "./local-day";
import { LookupBox } from "./lookup-box";

export const filterField = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const filterCaption = "text-xs font-semibold uppercase tracking-wide text-slate-600";

/** The words the filters of a list need, from the server (client code here carries no message formatter). */
export interface ListFilterMessages {
  lists: Messages["Lists"];
  labels: LabelMessages;
  /** How the look-up box says what it read, or why it cannot (Filters.lookup, Filters.problems). */
  filters: LookupWords;
}

interface ListFiltersBarProps {
  q: string;
  by: LookupKind;
  isPending: boolean;
  onLookUp: (q: string | null, by: LookupKind | null) => void;
  messages: ListFilterMessages;
  /** The list's own filters, under the look-up box. */
  children: ReactNode;
}

/** A list's filters: the one look-up box, then what the list adds; busy while the server renders a change. */
export function ListFiltersBar({ q, by, isPending, onLookUp, messages, children }: ListFiltersBarProps) {
  return (
    <div className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4" aria-busy={isPending}>
      {/* Keyed by the URL's q and by, so that Back and shared links refill it. */}
      <LookupBox
        key={`${q}|${by}`}
        initialText={q}
        initialKind={by}
        messages={messages}
        onLookUp={(text, kind) => onLookUp(text || null, kind === "auto" ? null : kind)}
      />
      {children}
    </div>
  );
}

interface DayRangeInputsProps {
  from: string | null;
  to: string | null;
  onChange: (range: { from?: string | null; to?: string | null }) => void;
  words: Messages["Lists"];
}

/**
 * From and to, days in the viewer's time zone (the server reads them so), typed and shown in the page's own
 * date format; the URL keeps ISO days.
 */
export function DayRangeInputs({ from, to, onChange, words }: DayRangeInputsProps) {
  return (
    <>
      <DayInput key={`from-${from}`} label={words.from} value={from} onChange={(day) => onChange({ from: day })} words={words} />
      <span aria-hidden className="pb-2 text-slate-500">–</span>
      <DayInput key={`to-${to}`} label={words.to} value={to} onChange={(day) => onChange({ to: day })} words={words} />
    </>
  );
}

interface DayInputProps {
  label: string;
  value: string | null;
  onChange: (day: string | null) => void;
  words: Messages["Lists"];
}

function DayInput({ label, value, onChange, words }: DayInputProps) {
  const format = dayFormatOf(useTimeSettings().locale);
  const pattern = dayPattern(format, words.dateLetters);
  const [text, setText] = useState(value ? showDay(value, format) : "");
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    const day = readDay(text, format);
    setInvalid(day === "invalid");
    if (day !== "invalid" && day !== value) onChange(day);
  };
  return (
    <label className="flex flex-col gap-0.5">
      <span className="sr-only">{label}</span>
      <input
        type="text"
        inputMode="numeric"
        className={`${filterField} w-32 tabular-nums`}
        placeholder={pattern}
        value={text}
        aria-invalid={invalid}
        title={invalid ? words.dateInvalid.replace("{pattern}", pattern) : pattern}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
      {invalid && <span role="alert" className="text-xs text-red-800">{words.dateInvalid.replace("{pattern}", pattern)}</span>}
    </label>
  );
}

interface SortSelectProps<S extends string> {
  sorts: readonly S[];
  /** By sort with `_` for its dots and dashes (`updated_desc`): message keys cannot hold a dot. */
  labels: Record<string, string>;
  value: S;
  onChange: (sort: S) => void;
  caption: string;
}

export function SortSelect<S extends string>({ sorts, labels, value, onChange, caption }: SortSelectProps<S>) {
  return (
    <label className="flex flex-col gap-1">
      <span className={filterCaption}>{caption}</span>
      <select className={filterField} value={value} onChange={(e) => onChange(e.target.value as S)}>
        {sorts.map((s) => (
          <option key={s} value={s}>{labels[s.replace(/[.-]/g, "_")] ?? s}</option>
        ))}
      </select>
    </label>
  );
}
