import "server-only";
import { z } from "zod";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { recordAudit } from "../audit/record-audit";
import { CSV_BOM, csvFileName, csvLine } from "../exports/csv-format";
import { parseInput } from "../parse-input";
import { OVERVIEW_CHART_IDS, type ChartValue, type ColumnKind, type OverviewChart } from "./overview-chart-types";
import { buildChart } from "./overview-charts";
import { filtersRecord, OverviewFilters } from "./overview-filters";

const ExportInput = z.object({ chart: z.enum(OVERVIEW_CHART_IDS, { error: `chart is one of ${OVERVIEW_CHART_IDS.join(", ")}` }) });

export interface OverviewCsv {
  fileName: string;
  body: string;
  rows: number;
}

/**
 * A chart's table as CSV: the same columns as its table view, in the same order. A data format: its headers
 * are English whatever the page's language (as the lists' CSV files), its values as counted (ISO days).
 */
export function chartCsv(chart: OverviewChart): string {
  const columns = [chart.category, ...chart.series, ...chart.extra];
  const cell = (value: ChartValue | undefined, kind: ColumnKind) => (value == null && kind === "failReason" ? "(none given)" : (value ?? null));
  return CSV_BOM + csvLine(columns.map((c) => c.label)) + chart.rows.map((row) => csvLine(columns.map((c) => cell(row.values[c.key], c.kind)))).join("");
}

/**
 * One chart of the overview as CSV, for the range and filters asked, the days in the viewer's time zone
 * (`timeZone`, as the page they were on). Audited with the chart, the filters (no names: types, countries,
 * days and the zone) and the row count.
 */
export async function exportOverviewCsv(ctx: Ctx, input: Record<string, string>, timeZone = "UTC"): Promise<OverviewCsv> {
  requireCapability(ctx, "oversight.read");
  const { chart: id } = parseInput(ExportInput, { chart: input.chart }, "Which chart to export");
  const { chart: _chart, tz: _urlZone, ...rest } = input;
  const filters = parseInput(OverviewFilters, { ...rest, tz: timeZone }, "These overview filters are not valid");
  const chart = await buildChart(ctx.db, id, filters);
  const details = { chart: id, filters: { ...filtersRecord(filters), tz: filters.tz }, rows: chart.rows.length };
  await recordAudit(ctx.db, actorOf(ctx), { action: "overview.export", target: id, details });
  return { fileName: csvFileName(`overview-${id}`), body: chartCsv(chart), rows: chart.rows.length };
}
