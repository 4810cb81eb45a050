import type { StatusExplanation } from "@/lib/onfido/explain-status";

interface StatusExplanationPanelProps {
  explanation: StatusExplanation;
  failReason: { type: string | null; message: string | null } | null;
}

const BASIS: Record<StatusExplanation["basis"], string> = {
  "full-result": "From the Onfido reports in the stored full result.",
  "provider-specific": "From Assure's summary (providerSpecific); the Onfido reports would give finer reasons.",
  none: "Assure sent no verification results for this process.",
};

/** Why the process has its status, in one sentence first and the rest after. */
export function StatusExplanationPanel({ explanation, failReason }: StatusExplanationPanelProps) {
  const { summary, status } = explanation;
  const lead = status && summary.startsWith(status) ? status : "";
  return (
    <section aria-labelledby="why-heading" className="rounded-md border border-slate-300 border-l-4 border-l-slate-800 bg-white p-4">
      <h2 id="why-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        Why this status
      </h2>
      <p className="mt-1 text-base leading-relaxed">
        <strong className="font-semibold">{lead}</strong>
        {summary.slice(lead.length)}
      </p>
      {failReason && (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded bg-fuchsia-50 p-2 text-sm">
          <dt className="text-slate-700">Fail reason type</dt>
          <dd className="font-mono">{failReason.type ?? <span className="italic">absent</span>}</dd>
          <dt className="text-slate-700">Message</dt>
          <dd className="break-words">{failReason.message ?? <span className="italic">absent</span>}</dd>
        </dl>
      )}
      {explanation.details.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-800">
          {explanation.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {explanation.warnings.length > 0 && (
        <ul aria-label="Inconsistencies" className="mt-2 flex flex-col gap-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {explanation.warnings.map((warning) => (
            <li key={warning}>⚠ {warning}</li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-600">{BASIS[explanation.basis]}</p>
    </section>
  );
}
