import { useTranslations } from "next-intl";
import type { Agreement, MrzCheck, MrzField, MrzFinding } from "@/lib/onfido/mrz-check";

interface MrzPanelProps {
  mrz: MrzCheck;
}

const AGREEMENT: Record<Agreement, { key: "match" | "mismatch" | "truncated" | "notCompared"; className: string }> = {
  match: { key: "match", className: "text-emerald-800" },
  mismatch: { key: "mismatch", className: "font-semibold text-red-800" },
  truncated: { key: "truncated", className: "text-emerald-800" },
  "not-compared": { key: "notCompared", className: "italic text-slate-600" },
};

function Lines({ lines, label }: { lines: string[]; label: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-sm leading-6 tracking-wider text-slate-50">
      {lines.join("\n")}
    </pre>
  );
}

/** The machine-readable zone read on its own: check digits, then each field against the extracted one. */
export function MrzPanel({ mrz }: MrzPanelProps) {
  const t = useTranslations("Mrz");
  // The parser's fields by the desk's names; one it has no name for keeps the parser's label.
  const fieldName = (found: { field: MrzField | null; label: string }) => (found.field ? t(`field.${found.field}`) : found.label);
  const finding = (error: MrzFinding) => t(`finding.${error.key}`, error.values);
  return (
    <section aria-labelledby="mrz-heading" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3">
      <h2 id="mrz-heading" className="text-sm font-semibold">{t("heading")}</h2>
      {mrz.state === "absent" && <p className="text-sm text-slate-600">{t("absent")}</p>}
      {mrz.state === "unparseable" && (
        <>
          <Lines lines={mrz.lines} label={t("lines")} />
          <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            {t("unreadable", { source: t(`source.${mrz.source}`), problem: t(`problem.${mrz.problem.key}`, mrz.problem.values) })}
          </p>
        </>
      )}
      {mrz.state === "parsed" && (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
          <div className="flex flex-col gap-2">
            <Lines lines={mrz.lines} label={t("lines")} />
            <p className="text-xs text-slate-600">
              {t("read", { format: mrz.format, source: t(`source.${mrz.source}`) })} {mrz.valid ? t("valid") : t("invalid")}
            </p>
            <ul aria-label={t("checkDigits")} className="flex flex-col gap-0.5 text-sm">
              {mrz.checkDigits.map((digit) => (
                <li key={digit.label} className={digit.holds ? "text-emerald-800" : "font-semibold text-red-800"}>
                  {digit.holds ? "✓" : "✗"} {fieldName(digit)}: {digit.error ? finding(digit.error) : t("holds")}
                </li>
              ))}
              {mrz.fieldErrors.map((field) => (
                <li key={field.label} className="font-semibold text-red-800">
                  ✗ {fieldName(field)}: {finding(field.error)}
                </li>
              ))}
            </ul>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("columns.field")}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t("columns.mrz")}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t("columns.extracted")}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t("columns.comparison")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {mrz.comparisons.map((c) => (
                  <tr key={c.field} className={c.agreement === "mismatch" ? "bg-red-50" : undefined}>
                    <th scope="row" className="py-1 pr-2 font-normal text-slate-700">{t(`extracted.${c.field}`)}</th>
                    <td className="px-2 py-1 font-mono text-xs">{c.mrzDisplay}</td>
                    <td className="px-2 py-1 font-mono text-xs">{c.extracted ?? <span className="italic text-slate-600">{t("absentValue")}</span>}</td>
                    <td className={`px-2 py-1 text-xs ${AGREEMENT[c.agreement].className}`}>{t(`agreement.${AGREEMENT[c.agreement].key}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
