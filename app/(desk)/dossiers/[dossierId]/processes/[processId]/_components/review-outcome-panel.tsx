import { LocalTime } from "@/components/local-time";
import type { ReviewOutcome } from "@/lib/reviews/get-review-outcome";

interface ReviewOutcomePanelProps {
  outcome: ReviewOutcome;
}

/** The review as support and admins see it: enough to tell a customer the outcome, without the officer's note. */
export function ReviewOutcomePanel({ outcome }: ReviewOutcomePanelProps) {
  const { decision } = outcome;
  return (
    <section aria-labelledby="review-outcome-heading" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
      <h2 id="review-outcome-heading" className="text-base font-semibold">Review</h2>
      <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Assigned to</dt>
        <dd>{outcome.assignee ?? <span className="text-slate-600">nobody</span>}</dd>
        <dt className="text-slate-600">Decision</dt>
        <dd>
          {decision ? (
            <>
              <strong className={decision.decision === "approve" ? "text-emerald-800" : "text-red-800"}>
                {decision.decision === "approve" ? "Approved" : "Rejected"}
              </strong>
              {decision.state === "awaiting_confirmation" && <span className="text-amber-800">, awaiting a second officer</span>}
            </>
          ) : (
            <span className="text-slate-600">none yet</span>
          )}
        </dd>
        {decision && (
          <>
            <dt className="text-slate-600">Reason</dt>
            <dd>{decision.reason}</dd>
            <dt className="text-slate-600">Decided</dt>
            <dd>
              <LocalTime at={decision.decidedAt} /> by {decision.decidedBy}
              {decision.confirmedAt && decision.confirmedAt.getTime() !== decision.decidedAt.getTime() ? <>, confirmed <LocalTime at={decision.confirmedAt} /></> : ""}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
