import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import { countLinkedDossiers } from "../identity/identity-links";
import { parseInput } from "../parse-input";
import type { OverviewChart } from "./overview-chart-types";
import { buildAllCharts } from "./overview-charts";
import { filtersRecord, OverviewFilters } from "./overview-filters";

export interface OverviewPageModel {
  filters: OverviewFilters;
  /** The filters as URL parameters, for the export links. */
  query: string;
  charts: OverviewChart[];
  /** Dossiers linked to another (same document, or same name and birth date), and flagged for repeated attempts: all time. */
  identities: { linked: number; repeatedAttempts: number };
}

/**
 * The overview page (/overview): every chart for the URL's range and filters (a bad filter is InvalidInput),
 * the days in the viewer's time zone.
 */
export async function getOverviewPage(ctx: Ctx, searchParams: Record<string, string | string[] | undefined>, timeZone = "UTC"): Promise<OverviewPageModel> {
  requireCapability(ctx, "oversight.read");
  const { tz: _urlZone, ...asked } = singleValues(searchParams);
  const filters = parseInput(OverviewFilters, { ...asked, tz: timeZone }, "These overview filters are not valid");
  const [charts, identities] = await Promise.all([buildAllCharts(ctx.db, filters), countLinkedDossiers(ctx.db)]);
  return { filters, query: new URLSearchParams(filtersRecord(filters)).toString(), charts, identities };
}

/** A parameter given twice is read as its first value, as the queue does. */
export function singleValues(searchParams: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(searchParams).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}
