"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import { confirmErasureAction, eraseDossierAction, legalHoldAction, withdrawErasureAction } from "../actions";

/** The panel's sentences and words, written by the server in the viewer's language (personal-data-section.tsx). */
export interface PersonalDataPanelProps {
  dossierId: string;
  held: boolean;
  /** The tombstone after an erasure: what was erased, by whom, and the deletion at Assure. */
  erased: { title: ReactNode; requested: string; assure: ReactNode; assurePending: boolean } | null;
  /** Processes purged by retention, when the dossier was not erased. */
  purged: ReactNode | null;
  hold: ReactNode | null;
  /** An erasure waiting for a second person. */
  awaiting: ReactNode | null;
  /** "Type <the person's name> to confirm whose data is erased". */
  confirmationLabel: ReactNode;
  canErase: boolean;
  canHold: boolean;
  canConfirm: boolean;
  /** An erasure exists (awaiting or done): no new one is offered. */
  hasErasure: boolean;
  words: Record<
    "heading" | "erasedLabel" | "noHold" | "holdReason" | "holdButton" | "confirm" | "withdraw" | "eraseOpen" | "eraseForm" | "eraseWarning" | "reason" | "erase" | "cancel",
    string
  >;
}

function Outcome({ result }: { result: ActionResult }) {
  if (!result) return null;
  return <span role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>{result.message}</span>;
}

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60";
const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";

/** The dossier's personal data: the tombstone after an erasure or a purge, the legal hold, and the forms. */
export function PersonalDataPanel(props: PersonalDataPanelProps) {
  const { dossierId, erased, words } = props;
  const [eraseResult, erase, erasing] = useActionState(eraseDossierAction, null);
  const [confirmResult, confirm, confirming] = useActionState(confirmErasureAction, null);
  const [withdrawResult, withdraw, withdrawing] = useActionState(withdrawErasureAction, null);
  const [holdResult, holdAction, holding] = useActionState(legalHoldAction, null);
  const [open, setOpen] = useState(false);

  return (
    <section aria-labelledby="personal-data-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <h2 id="personal-data-heading" className="font-semibold">{words.heading}</h2>

      {erased && (
        <div role="note" aria-label={words.erasedLabel} className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          <p className="font-medium">{erased.title}</p>
          <p>{erased.requested}</p>
          <p className={erased.assurePending ? "text-amber-900" : undefined}>{erased.assure}</p>
        </div>
      )}
      {props.purged && (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          {props.purged}
        </p>
      )}

      {props.hold ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {props.hold}
        </p>
      ) : (
        !erased && <p className="text-sm text-slate-600">{words.noHold}</p>
      )}

      {props.canHold && !erased && (
        <form action={holdAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="dossierId" value={dossierId} />
          <input type="hidden" name="intent" value={props.held ? "lift" : "place"} />
          <label className="flex flex-col gap-1 text-sm">
            {words.holdReason}
            <input name="reason" required minLength={3} maxLength={500} className={input} />
          </label>
          <button disabled={holding} className={`${button} border border-slate-300 bg-white`}>{words.holdButton}</button>
          <Outcome result={holdResult} />
        </form>
      )}

      {props.awaiting && (
        <div className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>{props.awaiting}</span>
          {props.canConfirm && (
            <form action={confirm}>
              <input type="hidden" name="dossierId" value={dossierId} />
              <button disabled={confirming} className={`${button} bg-red-700 text-white`}>{words.confirm}</button>
            </form>
          )}
          {props.canErase && (
            <form action={withdraw}>
              <input type="hidden" name="dossierId" value={dossierId} />
              <button disabled={withdrawing} className={`${button} border border-slate-300 bg-white text-slate-900`}>{words.withdraw}</button>
            </form>
          )}
          <Outcome result={confirmResult ?? withdrawResult} />
        </div>
      )}

      {props.canErase && !props.hasErasure && (
        <div className="flex flex-col gap-2">
          {!open ? (
            <div>
              <button type="button" onClick={() => setOpen(true)} className={`${button} border border-red-300 bg-white text-red-800`}>
                {words.eraseOpen}
              </button>
            </div>
          ) : (
            <form action={erase} aria-label={words.eraseForm} className="flex flex-col gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm">
              <input type="hidden" name="dossierId" value={dossierId} />
              <p>{words.eraseWarning}</p>
              <label className="flex flex-col gap-1">
                {words.reason}
                <input name="reason" required minLength={3} maxLength={500} className={input} />
              </label>
              <label className="flex flex-col gap-1">
                <span>{props.confirmationLabel}</span>
                <input name="confirmation" required autoComplete="off" className={input} />
              </label>
              <div className="flex items-center gap-2">
                <button disabled={erasing} className={`${button} bg-red-700 text-white`}>{words.erase}</button>
                <button type="button" onClick={() => setOpen(false)} className={`${button} border border-slate-300 bg-white`}>{words.cancel}</button>
              </div>
            </form>
          )}
          <Outcome result={eraseResult} />
        </div>
      )}
    </section>
  );
}
