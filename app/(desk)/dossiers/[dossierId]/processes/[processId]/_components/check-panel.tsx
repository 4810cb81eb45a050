import { ResultPill } from "@/components/breakdown-tree-result";
import type { CheckSummary } from "@/lib/onfido/facial-summary";

interface CheckPanelProps {
  check: CheckSummary | null;
}

/** The Onfido check that groups the reports: its status, result, and which of its reports the zip holds. */
export function CheckPanel({ check }: CheckPanelProps) {
  return (
    <section aria-labelledby="check-heading" className="rounded-md border border-slate-200 bg-white p-3">
      <h3 id="check-heading" className="mb-2 text-sm font-semibold">Onfido check</h3>
      {!check ? (
        <p className="text-sm text-slate-600">The zip holds no Onfido check.</p>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">Status</dt>
          <dd>{check.status}</dd>
          <dt className="text-slate-600">Result</dt>
          <dd><ResultPill text={check.result} tone={check.tone} /></dd>
          <dt className="text-slate-600">Check id</dt>
          <dd className="break-all font-mono text-xs">{check.id ?? "absent"}</dd>
          {check.sandbox !== null && (
            <>
              <dt className="text-slate-600">Sandbox</dt>
              <dd>{check.sandbox ? "yes" : "no"}</dd>
            </>
          )}
          <dt className="text-slate-600">Reports</dt>
          <dd>
            <ul>
              {check.reports.map((r) => (
                <li key={r.id} className="font-mono text-xs">
                  {r.id.slice(0, 8)} {r.name ? <span className="font-sans text-slate-700">{r.name}</span> : <span className="font-sans font-semibold text-red-800">not in the zip</span>}
                </li>
              ))}
            </ul>
          </dd>
          {check.resultsUri && (
            <>
              <dt className="text-slate-600">Onfido</dt>
              <dd>
                <a href={check.resultsUri} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline">
                  Open in Onfido&apos;s dashboard
                </a>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
