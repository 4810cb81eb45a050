import "server-only";
import { z } from "zod";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { recordAudit } from "../audit/record-audit";
import { CSV_BOM, csvFileName, csvLine } from "../exports/csv-format";
import { parseInput } from "../parse-input";
import { OVERVIEW_CHART_IDS, type OverviewChart } from "./overview-chart-types";
import { buildChart } from "./overview-charts";
import { filtersRecord, OverviewFilters } from "./overview-filters";

const ExportInput = z.object({ chart: z.enum(OVERVIEW_CHART_IDS, { error: `chart is one of ${OVERVIEW_CHART_IDS.join(", ")}` }) });

export interface OverviewCsv {
  fileName: string;
  body: string;
  rows: number;
}

/** A chart's table as CSV: the same columns as its table view, in the same order. */
export function chartCsv(chart: OverviewChart): string {
  const columns = [chart.category, ...chart.series, ...chart.extra];
  return CSV_BOM + csvLine(columns.map((c) => c.label)) + chart.rows.map((row) => csvLine(columns.map((c) => row.values[c.key] ?? null))).join("");
}

/**
 * One chart of the overview as CSV, for the range and filters asked. Audited with the chart, the filters
 * (no names: types, countries and days) and the row count.
 */
export async function exportOverviewCsv(ctx: Ctx, input: Record<string, string>): Promise<OverviewCsv> {
  requireCapability(ctx, "oversight.read");
  const { chart: id } = parseInput(ExportInput, { chart: input.chart }, "Which chart to export");
  const { chart: _chart, ...rest } = input;
  const filters = parseInput(OverviewFilters, rest, "These overview filters are not valid");
  const chart = await buildChart(ctx.db, id, filters);
  await recordAudit(ctx.db, actorOf(ctx), { action: "overview.export", target: id, details: { chart: id, filters: filtersRecord(filters), rows: chart.rows.length } });
  return { fileName: csvFileName(`overview-${id}`), body: chartCsv(chart), rows: chart.rows.length };
}
