"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import { confirmErasureAction, eraseDossierAction, legalHoldAction, withdrawErasureAction } from "../actions";

export interface PersonalDataPanelProps {
  dossierId: string;
  hold: { reason: string; at: ReactNode; by: string | null } | null;
  erasure: {
    state: "awaiting_confirmation" | "erased";
    reason: string;
    requestedBy: string;
    requestedAt: ReactNode;
    confirmedBy: string | null;
    erasedAt: ReactNode | null;
    assure: { deletedAt: ReactNode | null; attempts: number; nextAttemptAt: ReactNode | null; lastError: string | null };
  } | null;
  purged: { processes: number; lastAt: ReactNode | null; reason: string | null };
  confirmationLabel: string | null;
  canErase: boolean;
  canHold: boolean;
  canConfirm: boolean;
}

function Outcome({ result }: { result: ActionResult }) {
  if (!result) return null;
  return <span role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>{result.message}</span>;
}

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60";
const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";

/** The dossier's personal data: the tombstone after an erasure or a purge, the legal hold, and the forms. */
export function PersonalDataPanel(props: PersonalDataPanelProps) {
  const { dossierId, hold, erasure, purged } = props;
  const [eraseResult, erase, erasing] = useActionState(eraseDossierAction, null);
  const [confirmResult, confirm, confirming] = useActionState(confirmErasureAction, null);
  const [withdrawResult, withdraw, withdrawing] = useActionState(withdrawErasureAction, null);
  const [holdResult, holdAction, holding] = useActionState(legalHoldAction, null);
  const [open, setOpen] = useState(false);
  const erased = erasure?.state === "erased";

  return (
    <section aria-labelledby="personal-data-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <h2 id="personal-data-heading" className="font-semibold">Personal data</h2>

      {erased && erasure && (
        <div role="note" aria-label="Erased" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          <p className="font-medium">Personal data erased on request {erasure.erasedAt ? <>on {erasure.erasedAt}</> : ""}.</p>
          <p>
            Requested by {erasure.requestedBy}
            {erasure.confirmedBy ? `, confirmed by ${erasure.confirmedBy}` : ""}; reason: {erasure.reason}. Only the facts remain: ids, types, statuses,
            times and review decisions.
          </p>
          {erasure.assure.deletedAt ? (
            <p>Deleted at Assure on {erasure.assure.deletedAt}.</p>
          ) : (
            <p className="text-amber-900">
              Deletion at Assure pending after {erasure.assure.attempts} {erasure.assure.attempts === 1 ? "attempt" : "attempts"}
              {erasure.assure.lastError ? ` (${erasure.assure.lastError})` : ""}
              {erasure.assure.nextAttemptAt ? <>; next try {erasure.assure.nextAttemptAt}</> : ""}.
            </p>
          )}
        </div>
      )}
      {!erased && purged.processes > 0 && (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          The personal data of {purged.processes} {purged.processes === 1 ? "process was" : "processes were"} purged
          ({purged.reason ?? "retention"}) {purged.lastAt ? <>on {purged.lastAt}</> : ""}; their facts remain.
        </p>
      )}

      {hold ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Legal hold since {hold.at}
          {hold.by ? ` (by ${hold.by})` : ""}: {hold.reason}. Retention and erasure are stopped until it is lifted.
        </p>
      ) : (
        !erased && <p className="text-sm text-slate-600">No legal hold.</p>
      )}

      {props.canHold && !erased && (
        <form action={holdAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="dossierId" value={dossierId} />
          <input type="hidden" name="intent" value={hold ? "lift" : "place"} />
          <label className="flex flex-col gap-1 text-sm">
            {hold ? "Why the hold is lifted" : "Reason for a legal hold"}
            <input name="reason" required minLength={3} maxLength={500} className={input} />
          </label>
          <button disabled={holding} className={`${button} border border-slate-300 bg-white`}>{hold ? "Lift legal hold" : "Place legal hold"}</button>
          <Outcome result={holdResult} />
        </form>
      )}

      {erasure?.state === "awaiting_confirmation" && (
        <div className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>
            Erasure requested by {erasure.requestedBy} on {erasure.requestedAt} (reason: {erasure.reason}); a second person must confirm it.
          </span>
          {props.canConfirm && (
            <form action={confirm}>
              <input type="hidden" name="dossierId" value={dossierId} />
              <button disabled={confirming} className={`${button} bg-red-700 text-white`}>Confirm erasure</button>
            </form>
          )}
          {props.canErase && (
            <form action={withdraw}>
              <input type="hidden" name="dossierId" value={dossierId} />
              <button disabled={withdrawing} className={`${button} border border-slate-300 bg-white text-slate-900`}>Withdraw</button>
            </form>
          )}
          <Outcome result={confirmResult ?? withdrawResult} />
        </div>
      )}

      {props.canErase && !erasure && (
        <div className="flex flex-col gap-2">
          {!open ? (
            <div>
              <button type="button" onClick={() => setOpen(true)} className={`${button} border border-red-300 bg-white text-red-800`}>
                Erase personal data…
              </button>
            </div>
          ) : (
            <form action={erase} aria-label="Erase personal data" className="flex flex-col gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm">
              <input type="hidden" name="dossierId" value={dossierId} />
              <p>
                This removes every name, date of birth, document number, picture and note of this dossier from the desk for good, and deletes the dossier
                at Assure. The facts (ids, statuses, times, review decisions) remain.
              </p>
              <label className="flex flex-col gap-1">
                Reason (the request&apos;s reference, not the person&apos;s name)
                <input name="reason" required minLength={3} maxLength={500} className={input} />
              </label>
              <label className="flex flex-col gap-1">
                Type <strong>{props.confirmationLabel}</strong> to confirm whose data is erased
                <input name="confirmation" required autoComplete="off" className={input} />
              </label>
              <div className="flex items-center gap-2">
                <button disabled={erasing} className={`${button} bg-red-700 text-white`}>Erase</button>
                <button type="button" onClick={() => setOpen(false)} className={`${button} border border-slate-300 bg-white`}>Cancel</button>
              </div>
            </form>
          )}
          <Outcome result={eraseResult} />
        </div>
      )}
    </section>
  );
}
