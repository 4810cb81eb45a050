import { useFormatter, useTranslations } from "next-intl";
import { BreakdownTree } from "@/components/breakdown-tree";
import { ResultPill } from "@/components/breakdown-tree-result";
import type { FacialSummary, SubCheck } from "@/lib/onfido/facial-summary";
import type { ReportTree } from "@/lib/onfido/report-tree";

interface FacialPanelProps {
  facial: FacialSummary | null;
  tree: ReportTree | null;
}

function Score({ label, check, hint }: { label: string; check: SubCheck | null; hint: string }) {
  const t = useTranslations("Facial");
  const format = useFormatter();
  return (
    <div className="flex flex-col gap-0.5 rounded border border-slate-200 p-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="flex items-center gap-2">
        <span className="text-xl font-semibold tabular-nums">
          {check?.score != null ? format.number(check.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : "—"}
        </span>
        {check ? <ResultPill text={check.result} tone={check.tone} /> : <span className="text-xs italic text-slate-600">{t("absent")}</span>}
      </dd>
      <dd className="text-xs text-slate-600">{hint}</dd>
    </div>
  );
}

/** Face match and spoofing scores first, then the report's whole tree. */
export function FacialPanel({ facial, tree }: FacialPanelProps) {
  const t = useTranslations("Facial");
  return (
    <section aria-labelledby="facial-heading" className="rounded-md border border-slate-200 bg-white p-3">
      <h3 id="facial-heading" className="mb-2 text-sm font-semibold">{t("heading")}</h3>
      {!facial ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="flex flex-col gap-2">
          <dl className="grid grid-cols-2 gap-2">
            <Score
              label={t("faceMatch")}
              check={facial.faceMatch}
              hint={facial.faceMatchLevel ? t("faceMatchHintLevel", { level: facial.faceMatchLevel }) : t("faceMatchHint")}
            />
            <Score label={t("spoofing")} check={facial.spoofing} hint={t("spoofingHint")} />
          </dl>
          <p className="text-xs text-slate-600">
            {t.rich("report", { name: facial.reportName, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
            {facial.liveness && <> · {t("liveness", { result: facial.liveness.result })}</>}
            {facial.reportScore != null && <> · {t("reportScore", { score: facial.reportScore })}</>}
          </p>
          {tree && <BreakdownTree tree={tree} />}
        </div>
      )}
    </section>
  );
}
