"use client";

import { Suspense, use } from "react";
import type { TableResult } from "@/components/data-table-result";
import { PROCESS_STATUSES, type ProcessStatus } from "@/lib/assure/values";
import { COUNT_CAP, type StatusCounts } from "@/lib/processes/status-counts-types";
import { fillMessage } from "@/components/fill-message";
import { formatCount, type Messages } from "@/components/labels";
import { useTimeSettings } from "@/components/time-settings";
import { useLiveStatusCounts } from "@/components/live/use-live-status-counts";

interface StatusFilterProps {
  selected: ProcessStatus[];
  counts: Promise<TableResult<StatusCounts>>;
  onChange: (statuses: ProcessStatus[]) => void;
  words: Messages["Queue"]["filters"];
}

interface StatusChoicesProps extends Omit<StatusFilterProps, "counts"> {
  counts: StatusCounts | null;
}

function StatusChoices({ selected, counts, onChange, words }: StatusChoicesProps) {
  const { locale } = useTimeSettings();
  const toggle = (status: ProcessStatus, on: boolean) =>
    onChange(PROCESS_STATUSES.filter((s) => (s === status ? on : selected.includes(s))));
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{words.status}</legend>
      {PROCESS_STATUSES.map((status) => (
        <label key={status} className="inline-flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            name="status"
            value={status}
            checked={selected.includes(status)}
            onChange={(event) => toggle(status, event.target.checked)}
            className="size-4 accent-slate-900"
          />
          {status}
          <span className="text-slate-600 tabular-nums" data-status-count={status}>
            {counts ? formatCount(counts.byStatus[status], locale) : "…"}
          </span>
        </label>
      ))}
      {counts?.source === "filtered" && Object.values(counts.byStatus).some((c) => c.capped) && (
        <span className="text-xs text-slate-600">{fillMessage(words.countedUpTo, { count: COUNT_CAP.toLocaleString(locale) })}</span>
      )}
    </fieldset>
  );
}

function StatusChoicesWithCounts({ counts, ...props }: StatusFilterProps) {
  const result = use(counts);
  const live = useLiveStatusCounts(result.ok ? result.value : null);
  return <StatusChoices {...props} counts={live} />;
}

/** Status checkboxes; their counts stream in when ready, without holding up the rest of the page. */
export function StatusFilter(props: StatusFilterProps) {
  return (
    <Suspense fallback={<StatusChoices {...props} counts={null} />}>
      <StatusChoicesWithCounts {...props} />
    </Suspense>
  );
}
