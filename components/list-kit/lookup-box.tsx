"use client";

import { useState } from "react";
import { LOOKUP_KINDS, describeLookup, parseLookup, type LookupKind } from "@/lib/processes/parse-lookup";
import { fillMessage } from "@/components/fill-message";
import { useTimeSettings } from "@/components/time-settings";
import { sayLookup, sayLookupProblem } from "./filter-words";
import type { ListFilterMessages } from "./list-filters-bar";

export const LOOKUP_INPUT_ID = "lookup";

interface LookupBoxProps {
  /** Give the box a `key` of the URL's q and by, so that Back and shared links refill it. */
  initialText: string;
  initialKind: LookupKind;
  onLookUp: (text: string, kind: LookupKind) => void;
  messages: ListFilterMessages;
}

/**
 * One box for everything support staff look people up by. What was typed is read as it is typed
 * ("name contains …", "date of birth is …") so that staff see how the desk understood them before
 * they press Enter; the menu beside it forces a reading when the guess is wrong.
 */
export function LookupBox({ initialText, initialKind, onLookUp, messages: { lists: words, labels, filters } }: LookupBoxProps) {
  const { locale } = useTimeSettings();
  const [text, setText] = useState(initialText);
  const [kind, setKind] = useState<LookupKind>(initialKind);
  const reading = parseLookup(text, kind);
  const hint = !text.trim()
    ? words.lookUpHint
    : reading.ok
      ? fillMessage(words.readsAs, { reading: reading.lookup ? sayLookup(describeLookup(reading.lookup), filters, locale) : "" })
      : sayLookupProblem(reading.problem, filters);

  return (
    <form
      role="search"
      aria-label={words.lookUpLabel}
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        onLookUp(text.trim(), kind);
      }}
    >
      <label htmlFor={LOOKUP_INPUT_ID} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {words.lookUp}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={LOOKUP_INPUT_ID}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={words.lookUpPlaceholder}
          aria-describedby="lookup-hint"
          autoComplete="off"
          className="min-w-72 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
        <label htmlFor="lookup-by" className="sr-only">
          {words.lookUpBy}
        </label>
        <select
          id="lookup-by"
          value={kind}
          onChange={(event) => setKind(event.target.value as LookupKind)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {LOOKUP_KINDS.map((k) => (
            <option key={k} value={k}>
              {labels.lookupKind[k]}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {words.lookUp}
        </button>
        {initialText && (
          <button
            type="button"
            onClick={() => onLookUp("", "auto")}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            {words.clearLookUp}
          </button>
        )}
      </div>
      <p id="lookup-hint" aria-live="polite" className={`text-xs ${reading.ok ? "text-slate-600" : "text-red-800"}`}>
        {hint}
      </p>
    </form>
  );
}
