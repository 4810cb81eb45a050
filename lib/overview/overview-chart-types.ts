/**
 * The overview's charts as the page draws them: plain data, no zod and no server code, so that the client
 * chart components can take it as props. Each chart is also its own table (the table view and the CSV).
 */

export const OVERVIEW_CHART_IDS = [
  "status-per-day",
  "outcome-share",
  "fail-reasons",
  "flagged-findings",
  "final-turnaround",
  "review-turnaround",
  "review-backlog",
  "retries",
  "intake",
] as const;
export type OverviewChartId = (typeof OVERVIEW_CHART_IDS)[number];

/** stacked-bar: the series stacked per category; bar: one bar per series side by side; line: a line per series. */
export type ChartKind = "stacked-bar" | "bar" | "line";

export interface ChartColumn {
  key: string;
  label: string;
}

export type ChartValue = string | number | null;

export interface ChartRow {
  values: Record<string, ChartValue>;
  /** The queue filtered to what this row counts. */
  href: string;
}

export interface OverviewChart {
  id: OverviewChartId;
  title: string;
  /** One sentence: what is counted, over which times. */
  description: string;
  kind: ChartKind;
  /** The column drawn along the axis (the first column of the table). */
  category: ChartColumn;
  /** The columns drawn as bars or lines. */
  series: ChartColumn[];
  /** Further columns shown only in the table (and the CSV). */
  extra: ChartColumn[];
  rows: ChartRow[];
  /** What the chart says when the range holds nothing. */
  empty: string;
}
