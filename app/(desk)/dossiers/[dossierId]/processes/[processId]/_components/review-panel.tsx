"use client";

import { LocalTime } from "@/components/local-time";
import { useActionState } from "react";
import { assignAction, decideAction, settleDecisionAction } from "../actions";
import { ActionOutcome } from "./action-outcome";

interface Decision {
  id: number;
  decision: "approve" | "reject";
  reasonCategory: string;
  note: string;
  state: "awaiting_confirmation" | "final" | "withdrawn";
  decidedAt: string;
  decidedById: string;
  decidedBy: string;
  confirmedBy: string | null;
}

interface ReviewPanelProps {
  dossierId: string;
  processId: string;
  /** False for statuses a person does not review (accepted, failed, …): only the history shows. */
  reviewable: boolean;
  /** A decision can still be made (lib/reviews isOpenForDecision): only then may an officer take it. */
  canTake: boolean;
  viewerId: string;
  assignee: { id: string; name: string } | null;
  decisions: Decision[];
  reasons: Record<string, string>;
  fourEyes: boolean;
}

const STATE_LABEL = { awaiting_confirmation: "awaiting a second officer", final: "final", withdrawn: "withdrawn" } as const;

export function ReviewPanel(props: ReviewPanelProps) {
  const [assigned, assign, assigning] = useActionState(assignAction, null);
  const [decided, decide, deciding] = useActionState(decideAction, null);
  const [settled, settle, settling] = useActionState(settleDecisionAction, null);
  const open = props.decisions.find((d) => d.state !== "withdrawn");
  const ids = (
    <>
      <input type="hidden" name="dossierId" value={props.dossierId} />
      <input type="hidden" name="processId" value={props.processId} />
    </>
  );

  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-3 rounded-md border border-sky-200 bg-sky-50/40 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="review-heading" className="text-base font-semibold">Review</h2>
        {(props.canTake || props.assignee) && <form action={assign} className="flex items-center gap-2 text-sm">
          {ids}
          <span>{props.assignee ? `Assigned to ${props.assignee.id === props.viewerId ? "you" : props.assignee.name}` : "Unassigned"}</span>
          {props.canTake && props.assignee?.id !== props.viewerId && (
            <button name="assign" value="me" disabled={assigning} data-shortcut="assign" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              Assign to me
            </button>
          )}
          {props.assignee && (
            <button name="assign" value="none" disabled={assigning} className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              Unassign
            </button>
          )}
        </form>}
      </div>
      <ActionOutcome result={assigned} />
      <ActionOutcome result={decided} />
      <ActionOutcome result={settled} />

      {props.decisions.length > 0 && (
        <ol className="flex flex-col gap-2 text-sm">
          {props.decisions.map((d) => (
            <li key={d.id} className="rounded-md border border-slate-200 bg-white p-2">
              <strong className={d.decision === "approve" ? "text-emerald-800" : "text-red-800"}>{d.decision === "approve" ? "Approved" : "Rejected"}</strong>{" "}
              ({props.reasons[d.reasonCategory] ?? d.reasonCategory}) by {d.decidedBy} on{" "}
              <LocalTime at={d.decidedAt} />, {STATE_LABEL[d.state]}
              {d.confirmedBy && d.state === "final" ? `, confirmed by ${d.confirmedBy}` : ""}
              <p className="mt-1 whitespace-pre-wrap text-slate-700">{d.note}</p>
              {d.state === "awaiting_confirmation" && (
                <form action={settle} className="mt-2 flex gap-2">
                  {ids}
                  <input type="hidden" name="decisionId" value={d.id} />
                  {d.decidedById !== props.viewerId && (
                    <button name="outcome" value="confirm" disabled={settling} className="rounded-md bg-emerald-700 px-2 py-1 text-white">
                      Confirm
                    </button>
                  )}
                  <button name="outcome" value="send-back" disabled={settling} className="rounded-md border border-slate-300 bg-white px-2 py-1">
                    Send back
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}

      {props.reviewable && !open && (
        <form action={decide} data-shortcut="decide" aria-label="Decision form" className="grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
          {ids}
          <fieldset className="flex gap-3 sm:col-span-2">
            <legend className="sr-only">Decision</legend>
            <label className="flex items-center gap-1"><input type="radio" name="decision" value="approve" required /> Approve</label>
            <label className="flex items-center gap-1"><input type="radio" name="decision" value="reject" /> Reject</label>
          </fieldset>
          <label htmlFor="reasonCategory" className="font-medium">Reason</label>
          <select id="reasonCategory" name="reasonCategory" required defaultValue="" className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="" disabled>Choose a reason…</option>
            {Object.entries(props.reasons).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
          <label htmlFor="note" className="font-medium">Note</label>
          <textarea id="note" name="note" required maxLength={4000} rows={3} className="rounded-md border border-slate-300 px-2 py-1.5" />
          <div className="sm:col-span-2 flex items-center gap-3">
            <button disabled={deciding} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">Record decision</button>
            <span className="text-xs text-slate-600">
              {props.fourEyes ? "A second compliance officer must confirm it." : "It is final at once."} Assure&apos;s status stays as it is.
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
