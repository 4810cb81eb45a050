"use client";

import { useRef, useState } from "react";
import type { Messages } from "@/components/labels";
import { DayRangeInputs } from "@/components/list-kit/list-filters-bar";

interface OverviewDaysProps {
  from: string;
  to: string;
  /** The lists' words for days (From, To, the date pattern's letters), from the server. */
  words: Messages["Lists"];
}

/**
 * The overview form's range: days typed and shown in the page's own date format, as the queue's are, and sent
 * as ISO days (the URL's form). The hidden fields change as a day is taken, before Enter submits the form.
 */
export function OverviewDays({ from, to, words }: OverviewDaysProps) {
  const [range, setRange] = useState<{ from: string | null; to: string | null }>({ from, to });
  const fromField = useRef<HTMLInputElement>(null);
  const toField = useRef<HTMLInputElement>(null);
  const change = (patch: { from?: string | null; to?: string | null }) => {
    if ("from" in patch && fromField.current) fromField.current.value = patch.from ?? "";
    if ("to" in patch && toField.current) toField.current.value = patch.to ?? "";
    setRange((before) => ({ ...before, ...patch }));
  };
  return (
    <>
      <DayRangeInputs from={range.from} to={range.to} onChange={change} words={words} />
      <input ref={fromField} type="hidden" name="from" defaultValue={from} />
      <input ref={toField} type="hidden" name="to" defaultValue={to} />
    </>
  );
}
