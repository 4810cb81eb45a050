import type { OverviewFilters } from "./overview-filters";

/** What a chart's row narrows the queue to, beside the overview's own type, document type and country. */
export interface QueueNarrowing {
  status?: readonly string[];
  /** Which of the queue's times the days apply to. */
  dates?: "created" | "updated";
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  finding?: string | null;
}

/**
 * A link to the queue (`/processes`) in the URL parameters it reads (app/(desk)/processes/search-params.ts):
 * statuses comma-separated, days as YYYY-MM-DD.
 */
export function queueHref(filters: Pick<OverviewFilters, "type" | "doc" | "country">, narrowing: QueueNarrowing): string {
  const params = new URLSearchParams();
  if (narrowing.status?.length) params.set("status", narrowing.status.join(","));
  if (filters.type) params.set("type", filters.type);
  if (filters.doc) params.set("doc", filters.doc);
  if (filters.country) params.set("country", filters.country);
  if (narrowing.reason) params.set("reason", narrowing.reason);
  if (narrowing.finding) params.set("finding", narrowing.finding);
  if (narrowing.from || narrowing.to) params.set("dates", narrowing.dates ?? "created");
  if (narrowing.from) params.set("from", narrowing.from);
  if (narrowing.to) params.set("to", narrowing.to);
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `/processes?${query}` : "/processes";
}
