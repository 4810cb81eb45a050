"use client";

import { useActionState, type ReactNode } from "react";
import { assignAction, decideAction, settleDecisionAction } from "../actions";
import { ActionOutcome } from "./action-outcome";

export interface ReviewDecisionItem {
  id: number;
  /** "Approved (reason) by … on …, final", written by the server in the viewer's language. */
  line: ReactNode;
  note: string;
  state: "awaiting_confirmation" | "final" | "withdrawn";
  decidedByViewer: boolean;
}

/** The panel's words, translated by the server (review-section.tsx): this code carries no messages. */
export type ReviewWords = Record<
  "heading" | "assignToMe" | "unassign" | "confirm" | "sendBack" | "formLabel" | "decision" | "approve" | "reject" | "reason" | "chooseReason" | "note" | "record" | "hint",
  string
>;

interface ReviewPanelProps {
  dossierId: string;
  processId: string;
  /** False for statuses a person does not review (accepted, failed, …): only the history shows. */
  reviewable: boolean;
  /** A decision can still be made (lib/reviews isOpenForDecision): only then may an officer take it. */
  canTake: boolean;
  assignee: { id: string; isViewer: boolean } | null;
  /** "Assigned to you", "Assigned to Cora Compliance" or "Unassigned". */
  assigned: string;
  decisions: ReviewDecisionItem[];
  /** The reason categories with their names, in the form's order. */
  reasons: [string, string][];
  words: ReviewWords;
}

export function ReviewPanel(props: ReviewPanelProps) {
  const { words } = props;
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
        <h2 id="review-heading" className="text-base font-semibold">{words.heading}</h2>
        {(props.canTake || props.assignee) && <form action={assign} className="flex items-center gap-2 text-sm">
          {ids}
          <span>{props.assigned}</span>
          {props.canTake && !props.assignee?.isViewer && (
            <button name="assign" value="me" disabled={assigning} data-shortcut="assign" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              {words.assignToMe}
            </button>
          )}
          {props.assignee && (
            <button name="assign" value="none" disabled={assigning} className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              {words.unassign}
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
              {d.line}
              <p className="mt-1 whitespace-pre-wrap text-slate-700">{d.note}</p>
              {d.state === "awaiting_confirmation" && (
                <form action={settle} className="mt-2 flex gap-2">
                  {ids}
                  <input type="hidden" name="decisionId" value={d.id} />
                  {!d.decidedByViewer && (
                    <button name="outcome" value="confirm" disabled={settling} className="rounded-md bg-emerald-700 px-2 py-1 text-white">
                      {words.confirm}
                    </button>
                  )}
                  <button name="outcome" value="send-back" disabled={settling} className="rounded-md border border-slate-300 bg-white px-2 py-1">
                    {words.sendBack}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}

      {props.reviewable && !open && (
        <form action={decide} data-shortcut="decide" aria-label={words.formLabel} className="grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
          {ids}
          <fieldset className="flex gap-3 sm:col-span-2">
            <legend className="sr-only">{words.decision}</legend>
            <label className="flex items-center gap-1"><input type="radio" name="decision" value="approve" required /> {words.approve}</label>
            <label className="flex items-center gap-1"><input type="radio" name="decision" value="reject" /> {words.reject}</label>
          </fieldset>
          <label htmlFor="reasonCategory" className="font-medium">{words.reason}</label>
          <select id="reasonCategory" name="reasonCategory" required defaultValue="" className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="" disabled>{words.chooseReason}</option>
            {props.reasons.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
          <label htmlFor="note" className="font-medium">{words.note}</label>
          <textarea id="note" name="note" required maxLength={4000} rows={3} className="rounded-md border border-slate-300 px-2 py-1.5" />
          <div className="sm:col-span-2 flex items-center gap-3">
            <button disabled={deciding} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">{words.record}</button>
            <span className="text-xs text-slate-600">{words.hint}</span>
          </div>
        </form>
      )}
    </section>
  );
}
