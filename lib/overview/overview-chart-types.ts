/**
 * The overview's charts as the page draws them: plain data, no zod and no server code, so that the client
 * chart components can take it as props. Each chart is also its own table (the table view and the CSV). The
 * words around a chart are messages (`Charts.<id in camelCase>`: title, description, empty; `Charts.columns`),
 * written by the page in the viewer's language; the values stay as counted, written in the viewer's locale by
 * their column's kind.
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

/** How a column's values are written on the page (the CSV keeps them as they are). */
export type ColumnKind = "text" | "day" | "hour" | "count" | "percent" | "decimal" | "failReason" | "finding";

export const CHART_COLUMN_NAMES = [
  "day", "status", "share", "processes", "failReason", "finding", "reasons", "p50Minutes", "p95Minutes", "p50Hours", "p95Hours", "decisions",
  "waiting", "outcome", "retries", "hour", "received", "failing", "deadLettered", "p50Seconds", "p95Seconds",
] as const;
export type ChartColumnName = (typeof CHART_COLUMN_NAMES)[number];

export interface ChartColumn {
  key: string;
  /** The column's header in the CSV file: English, the file being a data format (as the lists' CSV files are). */
  label: string;
  /** Its name on the page: the message `Charts.columns.<name>`; a status column is named by the status itself. */
  name: ChartColumnName | null;
  kind: ColumnKind;
}

export type ChartValue = string | number | null;

export interface ChartRow {
  values: Record<string, ChartValue>;
  /** The queue filtered to what this row counts. */
  href: string;
}

export interface OverviewChart {
  id: OverviewChartId;
  /** The values of the chart's one-sentence description (what is counted, over which times): the range's days, a total. */
  about: { from: string; to: string; total?: number };
  kind: ChartKind;
  /** The column drawn along the axis (the first column of the table). */
  category: ChartColumn;
  /** The columns drawn as bars or lines. */
  series: ChartColumn[];
  /** Further columns shown only in the table (and the CSV). */
  extra: ChartColumn[];
  rows: ChartRow[];
}

/** The chart's messages' key under `Charts`: `status-per-day` → `statusPerDay` (message keys hold no dashes). */
export function chartMessageKey(id: OverviewChartId): string {
  return id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}
