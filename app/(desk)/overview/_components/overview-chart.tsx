"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useTimeSettings } from "@/components/time-settings";
import type { ChartColumn, ChartValue, OverviewChart } from "@/lib/overview/overview-chart-types";
import { formatChartValue } from "./chart-format";

/**
 * One overview chart (recharts). Readable without colour: each series has its own fill pattern or dash
 * and a legend label, and bars carry their values; the table view beside it holds every number. A click
 * on a bar or a point opens the queue filtered to what it counts. Its words come from the server (the
 * columns' names in `label`, the title); ticks, values and the tooltip are written in the viewer's locale.
 */

// CSS variables (app/color-schemes.css): each ink has a light- and a dark-scheme value with AA contrast.
const INKS = [1, 2, 3, 4, 5, 6, 7].map((n) => `var(--chart-ink-${n})`);
const TICK = { fontSize: 11, fill: "var(--chart-text)" };
const TOOLTIP = { backgroundColor: "var(--chart-surface)", borderColor: "var(--chart-grid)" };
const DASHES = ["", "6 3", "2 3", "10 4 2 4"];
const WIDTH = 560;
const HEIGHT = 260;

function Patterns({ chartId, count }: { chartId: string; count: number }) {
  // Solid, diagonal, dots, cross-hatch, horizontal, vertical, checks: told apart in grey as well.
  const shapes = [
    null,
    <path key="d" d="M0,6 L6,0" strokeWidth="1.5" />,
    <circle key="c" cx="3" cy="3" r="1.3" />,
    <path key="x" d="M0,0 L6,6 M6,0 L0,6" strokeWidth="1" />,
    <path key="h" d="M0,3 L6,3" strokeWidth="1.5" />,
    <path key="v" d="M3,0 L3,6" strokeWidth="1.5" />,
    <rect key="r" x="0" y="0" width="3" height="3" />,
  ];
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const ink = INKS[i % INKS.length]!;
        const shape = shapes[i % shapes.length];
        return (
          <pattern key={i} id={`${chartId}-p${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={shape ? "var(--chart-surface)" : ink} />
            {shape && <g stroke={ink} fill={ink}>{shape}</g>}
          </pattern>
        );
      })}
    </defs>
  );
}

interface OverviewChartViewProps {
  /** The chart with its columns named in the page's language. */
  chart: OverviewChart;
  title: string;
  /** What a fail reason without a type reads as. */
  noneGiven: string;
}

export function OverviewChartView({ chart, title, noneGiven }: OverviewChartViewProps) {
  const router = useRouter();
  const { locale } = useTimeSettings();
  const write = (column: ChartColumn, style: "full" | "short") => (value: unknown) => formatChartValue(value as ChartValue, column.kind, locale, noneGiven, style);
  const seriesByName = new Map(chart.series.map((s) => [s.label, s]));
  // The y axis holds the series' values: one kind of number per chart (counts, a share, minutes).
  const yTick = chart.series[0] ? write(chart.series[0], "short") : undefined;
  const tooltip = (
    <Tooltip
      contentStyle={TOOLTIP}
      labelFormatter={write(chart.category, "full")}
      formatter={(value, name) => {
        const column = seriesByName.get(String(name));
        return column ? write(column, "full")(value) : String(value);
      }}
    />
  );
  const data = chart.rows.map((row) => ({ ...row.values, __href: row.href }));
  const open = (entry: unknown) => {
    const href = (entry as { payload?: { __href?: string } } | undefined)?.payload?.__href;
    if (href) router.push(href);
  };
  const axis = <XAxis dataKey={chart.category.key} tick={TICK} tickFormatter={write(chart.category, "short")} />;
  if (chart.kind === "line") {
    return (
      <LineChart width={WIDTH} height={HEIGHT} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} aria-label={title}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        {axis}
        <YAxis tick={TICK} tickFormatter={yTick} />
        {tooltip}
        <Legend />
        {chart.series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={INKS[i % INKS.length]}
            strokeDasharray={DASHES[i % DASHES.length]}
            strokeWidth={2}
            isAnimationActive={false}
            activeDot={{ r: 5, onClick: (_: unknown, entry: unknown) => open(entry), cursor: "pointer" }}
          />
        ))}
      </LineChart>
    );
  }
  const stacked = chart.kind === "stacked-bar";
  return (
    <BarChart width={WIDTH} height={HEIGHT} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} aria-label={title}>
      <Patterns chartId={chart.id} count={chart.series.length} />
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      {axis}
      <YAxis tick={TICK} tickFormatter={yTick} />
      {tooltip}
      <Legend />
      {chart.series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId={stacked ? "all" : undefined}
          fill={`url(#${chart.id}-p${i})`}
          stroke={INKS[i % INKS.length]}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(entry) => open(entry)}
          label={stacked ? undefined : { position: "top", ...TICK, formatter: write(s, "short") }}
        />
      ))}
    </BarChart>
  );
}

