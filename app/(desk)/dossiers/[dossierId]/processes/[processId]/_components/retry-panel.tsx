"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import { cancelRetryAction, resumeRetryAction, retryAction } from "../actions";
import { ActionOutcome } from "./action-outcome";

interface RetryItem {
  id: number;
  attempt: number;
  state: string;
  newProcessId: string | null;
  lastError: string | null;
  requestedBy: string;
  /** False when Assure cannot start it (a document + video check): it can only be canceled. */
  startable: boolean;
}

interface RetryPanelProps {
  dossierId: string;
  processId: string;
  failReason: { type: string | null; message: string | null } | null;
  plan: { retryable: boolean; refusal: string | null; request: Record<string, unknown> };
  countryOfResidence: string | null;
  documentType: string | null;
  documentTypes: { types: string[]; fromAssure: boolean };
  retries: RetryItem[];
  cap: number;
}

export function RetryPanel(props: RetryPanelProps) {
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
  const left = props.cap - props.retries.length;

  return (
    <section aria-labelledby="retry-heading" className="flex flex-col gap-3 rounded-md border border-fuchsia-200 bg-fuchsia-50/40 p-4 text-sm">
      <div className="flex items-center justify-between">
        <h2 id="retry-heading" className="text-base font-semibold">Retry</h2>
        {props.plan.retryable && left > 0 && !open && (
          <button
            type="button"
            onClick={() => {
              setKey(crypto.randomUUID());
              setOpen(true);
            }}
            className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white"
          >
            Retry this process…
          </button>
        )}
      </div>
      {!props.plan.retryable && <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">{props.plan.refusal}</p>}
      {props.plan.retryable && left <= 0 && <p role="note">This process has had the most retries allowed ({props.cap}).</p>}
      <ActionOutcome result={retried ?? resumed ?? canceled} />

      {open && (
        <form action={retry} aria-label="Retry dialog" className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
          <input type="hidden" name="dossierId" value={props.dossierId} />
          <input type="hidden" name="processId" value={props.processId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <p>
            <strong>Why it failed:</strong> {props.failReason?.type ?? "unknown"} — {props.failReason?.message ?? "no message"}
          </p>
          <p>A new process is created in the same dossier with these parameters, the failed one&apos;s images are copied onto it, and the verification starts.</p>
          <pre className="max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(props.plan.request, null, 2)}</pre>
          <div className="flex flex-wrap gap-4">
            <label className="flex flex-col gap-1">
              <span className="font-medium">Country of residence (ISO alpha-3)</span>
              <input name="countryOfResidence" defaultValue={props.countryOfResidence ?? ""} pattern="[A-Za-z]{3}" maxLength={3} className="w-24 rounded-md border border-slate-300 px-2 py-1 uppercase" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Document type</span>
              <select name="documentType" defaultValue={props.documentType ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
                <option value="">as before</option>
                {props.documentTypes.types.map((type) => (
                  <option key={type}>{type}</option>
                ))}
              </select>
              {!props.documentTypes.fromAssure && <span className="text-xs text-slate-600">Assure&apos;s list could not be read; these are the documented types.</span>}
            </label>
          </div>
          <p className="text-xs text-slate-600">Consent cannot be given here: only the end-user can give it. {left} of {props.cap} retries left.</p>
          <div className="flex gap-2">
            <button disabled={retrying} className="rounded-md bg-fuchsia-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
              {retrying ? "Retrying…" : "Confirm retry"}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-slate-300 px-3 py-1.5">Cancel</button>
          </div>
        </form>
      )}

      {props.retries.length > 0 && (
        <ol className="flex flex-col gap-2">
          {props.retries.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 bg-white p-2">
              Attempt {r.attempt} by {r.requestedBy}: <strong>{r.state}</strong>
              {r.newProcessId && (
                <>
                  {" "}→ <Link className="text-sky-800 underline" href={`/dossiers/${props.dossierId}/processes/${r.newProcessId}`}>process {r.newProcessId.slice(0, 8)}</Link>
                </>
              )}
              {r.lastError && <p className="text-red-800">Assure said: {r.lastError}</p>}
              {r.state !== "started" && r.state !== "canceled" && (
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  {r.startable ? (
                    <form action={resume}>
                      <input type="hidden" name="dossierId" value={props.dossierId} />
                      <input type="hidden" name="processId" value={props.processId} />
                      <input type="hidden" name="retryId" value={r.id} />
                      <button disabled={resuming} className="rounded-md border border-slate-300 px-2 py-1">Resume this retry</button>
                    </form>
                  ) : (
                    <span className="text-amber-900">Assure cannot start this retry: only the end-user can run a document + video check again.</span>
                  )}
                  {r.newProcessId && (
                    <form action={cancel}>
                      <input type="hidden" name="dossierId" value={props.dossierId} />
                      <input type="hidden" name="processId" value={props.processId} />
                      <input type="hidden" name="retryId" value={r.id} />
                      <button disabled={canceling} className="rounded-md border border-red-300 px-2 py-1 text-red-900">
                        {canceling ? "Canceling…" : "Cancel the leftover process"}
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
