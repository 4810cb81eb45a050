import { chartMessageKey, type ChartColumn, type OverviewChart } from "@/lib/overview/overview-chart-types";
import { formatChartValue } from "./chart-format";

/** A `Charts` translator, keys built from a chart's id (`statusPerDay.title`) and its columns' names. */
type Say = (key: string, values?: Record<string, string | number>) => string;

export interface ChartInLanguage {
  /** The chart with its columns named in the page's language (their `label`); values as counted. */
  chart: OverviewChart;
  title: string;
  description: string;
  /** What the chart says when the range holds nothing. */
  empty: string;
}

/** A chart's words in the page's language: its title, its description with the range's days, its columns' names. */
export function chartInLanguage(chart: OverviewChart, say: Say, locale: string): ChartInLanguage {
  const key = chartMessageKey(chart.id);
  const name = (column: ChartColumn): ChartColumn => ({ ...column, label: column.name ? say(`columns.${column.name}`) : column.label });
  const day = (iso: string) => formatChartValue(iso, "day", locale, "");
  return {
    chart: { ...chart, category: name(chart.category), series: chart.series.map(name), extra: chart.extra.map(name) },
    title: say(`${key}.title`),
    description: say(`${key}.description`, { from: day(chart.about.from), to: day(chart.about.to), total: chart.about.total ?? 0 }),
    empty: say(`${key}.empty`),
  };
}
