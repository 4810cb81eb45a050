"use client";

import { useState } from "react";
import type { ProcessStatus } from "@/lib/assure/values";
import type { StatusCounts } from "@/lib/processes/status-counts-types";
import { useLiveMessages } from "./live-events";

type Deltas = Partial<Record<ProcessStatus, number>>;

/**
 * The queue's counts per status, moved by each process event since they were read: a new process adds one
 * to its status, a change takes one from the old status and adds one to the new. Only the unfiltered
 * counts (`counters`) can move exactly; counts of a filtered view stay as read (the bar offers a reload).
 */
export function useLiveStatusCounts(counts: StatusCounts | null): StatusCounts | null {
  const [state, setState] = useState<{ base: StatusCounts | null; deltas: Deltas }>({ base: counts, deltas: {} });
  // Fresh counts from the server replace what was moved: render-time reset, no effect needed.
  const deltas = state.base === counts ? state.deltas : {};
  if (state.base !== counts) setState({ base: counts, deltas: {} });

  useLiveMessages((message) => {
    if (message.kind !== "process" || counts?.source !== "counters" || !message.status) return;
    const to = message.status as ProcessStatus;
    const from = message.previousStatus as ProcessStatus | undefined;
    if (!message.created && (!from || from === to)) return;
    setState((before) => {
      const next = { ...(before.base === counts ? before.deltas : {}) };
      next[to] = (next[to] ?? 0) + 1;
      if (!message.created && from) next[from] = (next[from] ?? 0) - 1;
      return { base: counts, deltas: next };
    });
  });

  if (!counts || counts.source !== "counters" || Object.keys(deltas).length === 0) return counts;
  const byStatus = { ...counts.byStatus };
  for (const [status, delta] of Object.entries(deltas) as [ProcessStatus, number][]) {
    if (!byStatus[status]) continue;
    byStatus[status] = { ...byStatus[status], count: Math.max(0, byStatus[status].count + delta) };
  }
  // The total is the view's (the ticked statuses), which the page shows as read: only the per-status counts move.
  return { ...counts, byStatus };
}
