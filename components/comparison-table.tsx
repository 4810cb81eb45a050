import { useMessages, useTranslations } from "next-intl";
import type { ComparisonCell, ComparisonTable as Table } from "@/lib/onfido/result-comparison";
import { ResultPill } from "./breakdown-tree-result";

interface ComparisonTableProps {
  title: string;
  table: Table;
  /** Verdict tables show values as result pills; field tables as text. */
  verdicts?: boolean;
}

function Cell({ cell, verdicts, differs }: { cell: ComparisonCell; verdicts: boolean; differs: boolean }) {
  const t = useTranslations("Comparison");
  if (cell.kind === "n/a") return <span className="text-slate-400" title={t("notApplicable")}>—</span>;
  if (cell.kind === "absent") return <span className="text-xs italic text-slate-600">{t("absent")}</span>;
  if (verdicts) return <ResultPill text={cell.text} tone={cell.tone} />;
  return <span className={differs ? "font-semibold text-red-800" : undefined}>{cell.text}</span>;
}

/**
 * Two of Assure's objects side by side, one row per key; a missing object says why instead of showing blanks.
 * Each row is named in the page's language beside Assure's own key; values stay as Assure sent them.
 */
export function ComparisonTable({ title, table, verdicts = false }: ComparisonTableProps) {
  const t = useTranslations("Comparison");
  const fields: Record<string, string> = useMessages().Comparison.fields;
  // A key Assure added (any name, `constructor` too) is shown as it is.
  const fieldName = (key: string) => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  // On a phone a long value scrolls inside the panel rather than widening the page.
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-2 text-left text-sm font-semibold text-slate-900">{title}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">{t("field")}</th>
            {table.columnIds.map((column, i) => (
              <th key={column} scope="col" className="px-2 py-1 font-medium">
                {t(`columns.${column}`)}
                {table.missingIds[i] && (
                  <span className="block text-[11px] font-normal normal-case tracking-normal text-slate-600">{t(`missing.${table.missingIds[i]}`)}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row) => (
            <tr key={row.key} className={row.differs ? "bg-red-50" : undefined}>
              <th scope="row" className="py-1 pr-2 font-normal text-slate-700">
                {fieldName(row.key) ?? <span className="font-mono text-xs">{row.key}</span>}
                {row.differs && <span className="ml-1 text-xs font-semibold text-red-800">{t("differs")}</span>}
                {fieldName(row.key) && <span className="block font-mono text-[11px] text-slate-500">{row.key}</span>}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i} className="px-2 py-1 break-words">
                  <Cell cell={cell} verdicts={verdicts} differs={row.differs} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
