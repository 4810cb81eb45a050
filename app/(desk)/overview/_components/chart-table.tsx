import Link from "next/link";
import type { OverviewChart } from "@/lib/overview/overview-chart-types";

interface ChartTableProps {
  chart: OverviewChart;
}

/** A chart's numbers as a table, each row a link to the queue filtered to it (the CSV has the same columns). */
export function ChartTable({ chart }: ChartTableProps) {
  const columns = [chart.category, ...chart.series, ...chart.extra];
  return (
    <div className="max-h-72 overflow-auto">
      <table className="w-full text-left text-xs">
        <thead className="sticky top-0 bg-slate-50 text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-2 py-1 font-medium">
                {c.label}
              </th>
            ))}
            <th scope="col" className="px-2 py-1 font-medium">
              Queue
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {chart.rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className="px-2 py-1 tabular-nums">
                  {row.values[c.key] ?? "—"}
                </td>
              ))}
              <td className="px-2 py-1">
                <Link className="text-sky-800 underline" href={row.href} aria-label={`Open the queue: ${chart.title}, ${row.values[chart.category.key]}`}>
                  open
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
