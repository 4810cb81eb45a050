import { BreakdownTree } from "@/components/breakdown-tree";
import { ResultPill } from "@/components/breakdown-tree-result";
import type { FacialSummary, SubCheck } from "@/lib/onfido/facial-summary";
import type { ReportTree } from "@/lib/onfido/report-tree";

interface FacialPanelProps {
  facial: FacialSummary | null;
  tree: ReportTree | null;
}

function Score({ label, check, hint }: { label: string; check: SubCheck | null; hint: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded border border-slate-200 p-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="flex items-center gap-2">
        <span className="text-xl font-semibold tabular-nums">{check?.score != null ? check.score.toFixed(2) : "—"}</span>
        {check ? <ResultPill text={check.result} tone={check.tone} /> : <span className="text-xs italic text-slate-600">absent</span>}
      </dd>
      <dd className="text-xs text-slate-600">{hint}</dd>
    </div>
  );
}

/** Face match and spoofing scores first, then the report's whole tree. */
export function FacialPanel({ facial, tree }: FacialPanelProps) {
  return (
    <section aria-labelledby="facial-heading" className="rounded-md border border-slate-200 bg-white p-3">
      <h3 id="facial-heading" className="mb-2 text-sm font-semibold">Facial similarity</h3>
      {!facial ? (
        <p className="text-sm text-slate-600">The zip holds no facial similarity report.</p>
      ) : (
        <div className="flex flex-col gap-2">
          <dl className="grid grid-cols-2 gap-2">
            <Score label="Face match score" check={facial.faceMatch} hint={facial.faceMatchLevel ? `${facial.faceMatchLevel} (1 = same face)` : "1 = same face"} />
            <Score label="Spoofing score" check={facial.spoofing} hint="near 0 = likely a spoof" />
          </dl>
          <p className="text-xs text-slate-600">
            Report <span className="font-mono">{facial.reportName}</span>
            {facial.liveness && <> · liveness {facial.liveness.result}</>}
            {facial.reportScore != null && <> · report score {facial.reportScore.toFixed(2)}</>}
          </p>
          {tree && <BreakdownTree tree={tree} />}
        </div>
      )}
    </section>
  );
}
