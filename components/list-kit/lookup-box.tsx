"use client";

import { useState } from "react";
import { LOOKUP_KINDS, describeLookup, parseLookup, type LookupKind } from "@/lib/processes/parse-lookup";
import { LOOKUP_KIND_LABELS } from "@/components/labels";

export const LOOKUP_INPUT_ID = "lookup";

interface LookupBoxProps {
  /** Give the box a `key` of the URL's q and by, so that Back and shared links refill it. */
  initialText: string;
  initialKind: LookupKind;
  onLookUp: (text: string, kind: LookupKind) => void;
}

/**
 * One box for everything support staff look people up by. What was typed is read as it is typed
 * ("name contains …", "date of birth is …") so that staff see how the desk understood them before
 * they press Enter; the menu beside it forces a reading when the guess is wrong.
 */
export function LookupBox({ initialText, initialKind, onLookUp }: LookupBoxProps) {
  const [text, setText] = useState(initialText);
  const [kind, setKind] = useState<LookupKind>(initialKind);
  const reading = parseLookup(text, kind);
  const hint = !text.trim()
    ? "A name (or part of it), a document number, a date of birth (YYYY-MM-DD or DD.MM.YYYY) or a process or dossier id. Press / to come back here."
    : reading.ok
      ? `Reads as: ${reading.lookup ? describeLookup(reading.lookup) : ""}`
      : reading.message;

  return (
    <form
      role="search"
      aria-label="Look up processes"
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        onLookUp(text.trim(), kind);
      }}
    >
      <label htmlFor={LOOKUP_INPUT_ID} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        Look up
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={LOOKUP_INPUT_ID}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="e.g. maria santos, AB123, 07.03.1985"
          aria-describedby="lookup-hint"
          autoComplete="off"
          className="min-w-72 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
        <label htmlFor="lookup-by" className="sr-only">
          Look up by
        </label>
        <select
          id="lookup-by"
          value={kind}
          onChange={(event) => setKind(event.target.value as LookupKind)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {LOOKUP_KINDS.map((k) => (
            <option key={k} value={k}>
              {LOOKUP_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          Look up
        </button>
        {initialText && (
          <button
            type="button"
            onClick={() => onLookUp("", "auto")}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Clear look-up
          </button>
        )}
      </div>
      <p id="lookup-hint" aria-live="polite" className={`text-xs ${reading.ok ? "text-slate-600" : "text-red-800"}`}>
        {hint}
      </p>
    </form>
  );
}
