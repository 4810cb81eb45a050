import Link from "next/link";
import { useTranslations } from "next-intl";
import { findingExplanationKey } from "@/lib/onfido/breakdown-explanations";
import type { ChartValue, ColumnKind, OverviewChart } from "@/lib/overview/overview-chart-types";
import { formatChartValue } from "./chart-format";

interface ChartTableProps {
  /** The chart with its columns named in the page's language (chart-words.ts). */
  chart: OverviewChart;
  title: string;
}

/**
 * A chart's numbers as a table, each row a link to the queue filtered to it (the CSV has the same columns);
 * values written in the viewer's locale.
 */
export function ChartTable({ chart, title }: ChartTableProps) {
  const t = useTranslations("Overview");
  const noneGiven = useTranslations("Charts")("noneGiven");
  const locale = useTranslations("Locale")("format");
  const onfido = useTranslations("Onfido");
  // A finding is Onfido's path as it is, with what that check looks at beside it.
  const explanation = (value: ChartValue | undefined, kind: ColumnKind) => {
    const key = kind === "finding" && typeof value === "string" ? findingExplanationKey(value) : null;
    return key && <span className="block font-sans text-slate-600">{onfido(key as Parameters<typeof onfido>[0])}</span>;
  };
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
              {t("queue")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {chart.rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className="px-2 py-1 tabular-nums">
                  {formatChartValue(row.values[c.key], c.kind, locale, noneGiven)}
                  {explanation(row.values[c.key], c.kind)}
                </td>
              ))}
              <td className="px-2 py-1">
                <Link
                  className="text-sky-800 underline"
                  href={row.href}
                  aria-label={t("openLabel", { chart: title, row: formatChartValue(row.values[chart.category.key], chart.category.kind, locale, noneGiven) })}
                >
                  {t("open")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
