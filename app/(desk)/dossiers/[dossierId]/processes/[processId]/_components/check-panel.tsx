import { useTranslations } from "next-intl";
import { ResultPill } from "@/components/breakdown-tree-result";
import type { CheckSummary } from "@/lib/onfido/facial-summary";

interface CheckPanelProps {
  check: CheckSummary | null;
}

/** The Onfido check that groups the reports: its status, result, and which of its reports the zip holds. */
export function CheckPanel({ check }: CheckPanelProps) {
  const t = useTranslations("FullResult.check");
  return (
    <section aria-labelledby="check-heading" className="rounded-md border border-slate-200 bg-white p-3">
      <h3 id="check-heading" className="mb-2 text-sm font-semibold">{t("heading")}</h3>
      {!check ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("status")}</dt>
          <dd>{check.status}</dd>
          <dt className="text-slate-600">{t("result")}</dt>
          <dd><ResultPill text={check.result} tone={check.tone} /></dd>
          <dt className="text-slate-600">{t("id")}</dt>
          <dd className="break-all font-mono text-xs">{check.id ?? t("absent")}</dd>
          {check.sandbox !== null && (
            <>
              <dt className="text-slate-600">{t("sandbox")}</dt>
              <dd>{check.sandbox ? t("yes") : t("no")}</dd>
            </>
          )}
          <dt className="text-slate-600">{t("reports")}</dt>
          <dd>
            <ul>
              {check.reports.map((r) => (
                <li key={r.id} className="font-mono text-xs">
                  {r.id.slice(0, 8)} {r.name ? <span className="font-sans text-slate-700">{r.name}</span> : <span className="font-sans font-semibold text-red-800">{t("notInZip")}</span>}
                </li>
              ))}
            </ul>
          </dd>
          {check.resultsUri && (
            <>
              <dt className="text-slate-600">{t("onfido")}</dt>
              <dd>
                <a href={check.resultsUri} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline">
                  {t("dashboard")}
                </a>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
