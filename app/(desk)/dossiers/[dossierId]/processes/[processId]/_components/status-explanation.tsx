import { useTranslations } from "next-intl";
import type { ExplanationKey, StatusExplanation } from "@/lib/onfido/explain-status";
import { phraseText, phraseValues, type Translate } from "@/lib/onfido/phrase";

interface StatusExplanationPanelProps {
  explanation: StatusExplanation;
  failReason: { type: string | null; message: string | null } | null;
}

const BASIS = { "full-result": "fullResult", "provider-specific": "providerSpecific", none: "none" } as const;

/** Why the process has its status, in one sentence first and the rest after, in the viewer's language. */
export function StatusExplanationPanel({ explanation, failReason }: StatusExplanationPanelProps) {
  const t = useTranslations("StatusExplanation");
  const say: Translate<ExplanationKey> = (key, values) => t(key, values);
  const { summary } = explanation;
  const absent = <span className="italic">{t("absent")}</span>;
  return (
    <section aria-labelledby="why-heading" className="rounded-md border border-slate-300 border-l-4 border-l-slate-800 bg-white p-4">
      <h2 id="why-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {t("heading")}
      </h2>
      <p className="mt-1 text-base leading-relaxed">
        {t.rich(summary.key, { ...phraseValues(summary, say), b: (chunks) => <strong className="font-semibold">{chunks}</strong> })}
      </p>
      {failReason && (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded bg-fuchsia-50 p-2 text-sm">
          <dt className="text-slate-700">{t("failReasonType")}</dt>
          <dd className="font-mono">{failReason.type ?? absent}</dd>
          <dt className="text-slate-700">{t("failReasonMessage")}</dt>
          <dd className="break-words">{failReason.message ?? absent}</dd>
        </dl>
      )}
      {explanation.details.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-800">
          {explanation.details.map((detail, i) => (
            <li key={i}>{phraseText(detail, say)}</li>
          ))}
        </ul>
      )}
      {explanation.warnings.length > 0 && (
        <ul aria-label={t("inconsistencies")} className="mt-2 flex flex-col gap-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {explanation.warnings.map((warning, i) => (
            <li key={i}>⚠ {phraseText(warning, say)}</li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-600">{t(`basis.${BASIS[explanation.basis]}`)}</p>
    </section>
  );
}
