"use client";

import { useEffect, useRef, useState } from "react";
import { fillMessage } from "@/components/fill-message";
import type { Messages } from "@/components/labels";
import { dayFormatOf, dayPattern, readDay, showDay } from "@/components/list-kit/local-day";
import { useTimeSettings } from "@/components/time-settings";

interface DayFieldProps {
  /** The form field's name: the URL's parameter, which keeps an ISO day. */
  name: "from" | "to";
  label: string;
  initial: string;
  /** The lists' words for days (the pattern's letters, the invalid-day message), from the server. */
  words: Messages["Lists"];
}

/**
 * One of the overview form's days, typed and shown in the page's own date format (as the queue's are), sent
 * as an ISO day in a hidden field that follows what is typed. A day that is no day stops the form with the
 * browser's own message, so the page never asks the server for it.
 */
function DayField({ name, label, initial, words }: DayFieldProps) {
  const format = dayFormatOf(useTimeSettings().locale);
  const pattern = dayPattern(format, words.dateLetters);
  const [text, setText] = useState(showDay(initial, format));
  const day = readDay(text, format);
  const invalid = day === "invalid";
  const message = fillMessage(words.dateInvalid, { pattern });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.setCustomValidity(invalid ? message : ""), [invalid, message]);
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs font-medium text-slate-700">{label}</span>
      <input
        ref={field}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={pattern}
        title={invalid ? message : pattern}
        aria-invalid={invalid}
        onChange={(event) => setText(event.target.value)}
        className="w-32 rounded-md border border-slate-300 px-2 py-1.5 tabular-nums"
      />
      <input type="hidden" name={name} value={invalid ? "" : (day ?? "")} />
    </label>
  );
}

/** The overview's range: from and to, days in the viewer's time zone (the server reads them so). */
export function OverviewDays({ from, to, words }: { from: string; to: string; words: Messages["Lists"] }) {
  return (
    <>
      <DayField name="from" label={words.from} initial={from} words={words} />
      <DayField name="to" label={words.to} initial={to} words={words} />
    </>
  );
}
