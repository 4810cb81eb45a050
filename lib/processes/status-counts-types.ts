import type { ProcessStatus } from "../assure/schemas";

/** Shapes and the cap of the queue's counts, free of server code so that client components can use them. */

/** Filtered counts stop here: see lib/processes/status-counts.ts for why. */
export const COUNT_CAP = 5_000;

export interface StatusCount {
  count: number;
  /** True when counting stopped at COUNT_CAP: there are at least `count` rows. */
  capped: boolean;
}

export interface StatusCounts {
  byStatus: Record<ProcessStatus, StatusCount>;
  /** Rows in view: the statuses ticked, or all of them. */
  total: StatusCount;
  source: "counters" | "filtered";
}
