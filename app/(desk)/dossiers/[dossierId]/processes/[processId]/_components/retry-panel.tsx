"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import { cancelRetryAction, resumeRetryAction, retryAction } from "../actions";
import { ActionOutcome } from "./action-outcome";

export interface RetryItem {
  id: number;
  /** "Attempt 1 by …: failed → process 1a2b3c4d", written by the server in the viewer's language. */
  line: ReactNode;
  /** "Assure said: …", Assure's words kept as they are. */
  said: string | null;
  /** Neither started nor canceled: it can be resumed or its leftover process canceled. */
  stuck: boolean;
  hasNewProcess: boolean;
  /** False when Assure cannot start it (a document + video check): it can only be canceled. */
  startable: boolean;
}

/** The panel's words, translated by the server (retry-section.tsx): this code carries no messages. */
export type RetryWords = Record<
  | "heading" | "open" | "dialog" | "whyFailed" | "failReason" | "explain" | "country" | "documentType" | "asBefore" | "documentTypesFallback"
  | "left" | "retrying" | "confirm" | "cancel" | "resume" | "notStartable" | "canceling" | "cancelLeftover",
  string
>;

interface RetryPanelProps {
  dossierId: string;
  processId: string;
  /** A retry can be asked for: the plan allows it and the cap is not reached. */
  offer: boolean;
  /** Why no retry is offered, in words; null when one is. */
  refusal: string | null;
  request: Record<string, unknown>;
  countryOfResidence: string | null;
  documentType: string | null;
  documentTypes: { types: string[]; fromAssure: boolean };
  retries: RetryItem[];
  words: RetryWords;
}

export function RetryPanel(props: RetryPanelProps) {
  const { words } = props;
  const [open, setOpen] = useState(false);
  // One key per opening of the dialog: a double click or a resent form repeats the same retry.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  // A retry that went through closes the dialog: its outcome shows above, and confirming again would only repeat it.
  const [retried, retry, retrying] = useActionState(async (previous: ActionResult, form: FormData) => {
    const result = await retryAction(previous, form);
    if (result?.ok) setOpen(false);
    return result;
  }, null);
  const [resumed, resume, resuming] = useActionState(resumeRetryAction, null);
  const [canceled, cancel, canceling] = useActionState(cancelRetryAction, null);

  return (
    <section aria-labelledby="retry-heading" className="flex flex-col gap-3 rounded-md border border-fuchsia-200 bg-fuchsia-50/40 p-4 text-sm">
      <div className="flex items-center justify-between">
        <h2 id="retry-heading" className="text-base font-semibold">{words.heading}</h2>
        {props.offer && !open && (
          <button
            type="button"
            onClick={() => {
              setKey(crypto.randomUUID());
              setOpen(true);
            }}
            className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white"
          >
            {words.open}
          </button>
        )}
      </div>
      {props.refusal && <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">{props.refusal}</p>}
      <ActionOutcome result={retried ?? resumed ?? canceled} />

      {open && (
        <form action={retry} aria-label={words.dialog} className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
          <input type="hidden" name="dossierId" value={props.dossierId} />
          <input type="hidden" name="processId" value={props.processId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <p>
            <strong>{words.whyFailed}</strong> {words.failReason}
          </p>
          <p>{words.explain}</p>
          <pre className="max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(props.request, null, 2)}</pre>
          <div className="flex flex-wrap gap-4">
            <label className="flex flex-col gap-1">
              <span className="font-medium">{words.country}</span>
              <input name="countryOfResidence" defaultValue={props.countryOfResidence ?? ""} pattern="[A-Za-z]{3}" maxLength={3} className="w-24 rounded-md border border-slate-300 px-2 py-1 uppercase" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">{words.documentType}</span>
              <select name="documentType" defaultValue={props.documentType ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
                <option value="">{words.asBefore}</option>
                {props.documentTypes.types.map((type) => (
                  <option key={type}>{type}</option>
                ))}
              </select>
              {!props.documentTypes.fromAssure && <span className="text-xs text-slate-600">{words.documentTypesFallback}</span>}
            </label>
          </div>
          <p className="text-xs text-slate-600">{words.left}</p>
          <div className="flex gap-2">
            <button disabled={retrying} className="rounded-md bg-fuchsia-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
              {retrying ? words.retrying : words.confirm}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-slate-300 px-3 py-1.5">{words.cancel}</button>
          </div>
        </form>
      )}

      {props.retries.length > 0 && (
        <ol className="flex flex-col gap-2">
          {props.retries.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 bg-white p-2">
              {r.line}
              {r.said && <p className="text-red-800">{r.said}</p>}
              {r.stuck && (
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  {r.startable ? (
                    <form action={resume}>
                      <input type="hidden" name="dossierId" value={props.dossierId} />
                      <input type="hidden" name="processId" value={props.processId} />
                      <input type="hidden" name="retryId" value={r.id} />
                      <button disabled={resuming} className="rounded-md border border-slate-300 px-2 py-1">{words.resume}</button>
                    </form>
                  ) : (
                    <span className="text-amber-900">{words.notStartable}</span>
                  )}
                  {r.hasNewProcess && (
                    <form action={cancel}>
                      <input type="hidden" name="dossierId" value={props.dossierId} />
                      <input type="hidden" name="processId" value={props.processId} />
                      <input type="hidden" name="retryId" value={r.id} />
                      <button disabled={canceling} className="rounded-md border border-red-300 px-2 py-1 text-red-900">
                        {canceling ? words.canceling : words.cancelLeftover}
                      </button>
                    </form>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
