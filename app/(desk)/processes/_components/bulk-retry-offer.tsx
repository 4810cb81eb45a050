"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { BulkRetryItem } from "@/lib/retries/bulk-retry";
import type { BulkRetrySelection } from "@/lib/retries/failed-in-view";
import { bulkRetryChunkAction, prepareBulkRetryAction } from "../actions";
import { BulkRetryResults } from "./bulk-retry-results";
import { formatCount } from "@/components/labels";

export type BulkRetrySummary = Omit<BulkRetrySelection, "items">;

/** Ids per server action call: the verb is idempotent per item, so progress is honest chunk by chunk. */
const CHUNK = 20;
const MAX = 500;

type Phase =
  | { name: "closed" }
  | { name: "preparing" }
  | { name: "refused"; error: string }
  | { name: "confirm"; selection: BulkRetrySelection }
  | { name: "running" | "stopped" | "done"; selection: BulkRetrySelection; results: BulkRetryItem[]; error?: string };

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60";

function offerLabel(summary: BulkRetrySummary): string {
  const n = summary.retryable.count;
  if (n > MAX || summary.retryable.capped) return `Retry ${MAX} of ${formatCount(summary.retryable)} failed processes…`;
  return `Retry ${n} failed ${n === 1 ? "process" : "processes"}…`;
}

function skipped(summary: BulkRetrySummary): string {
  return `Skipped: ${formatCount(summary.consentFailures)} consent ${summary.consentFailures.count === 1 ? "failure" : "failures"} (only the end-user can give consent), ${formatCount(summary.capturedByEndUser)} document + video (only the end-user can run them again) and ${formatCount(summary.retriedAlready)} retried already (see each process's page).`;
}

/** The offer and its dialog: loaded only when the queue shows it (an admin, a view of failed processes). */
export function BulkRetryOffer({ view, summary }: { view: string; summary: BulkRetrySummary | null }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>({ name: "closed" });
  // Made once per opening: a double click, a second Confirm or a resent chunk repeats nothing.
  const [bulkId, setBulkId] = useState("");
  const running = useRef(false);

  useEffect(() => {
    if (phase.name !== "closed" && !dialog.current?.open) dialog.current?.showModal();
  }, [phase.name]);

  async function open() {
    setBulkId(crypto.randomUUID());
    setPhase({ name: "preparing" });
    const result = await prepareBulkRetryAction(view);
    if (!result.ok) {
      setPhase({ name: "refused", error: result.message });
      return;
    }
    setPhase({ name: "confirm", selection: result.value });
  }

  async function run(selection: BulkRetrySelection, before: BulkRetryItem[]) {
    if (running.current) return;
    running.current = true;
    let results = before;
    setPhase({ name: "running", selection, results });
    const done = new Set(results.map((r) => r.processId));
    const todo = selection.items.map((i) => i.processId).filter((id) => !done.has(id));
    try {
      for (let i = 0; i < todo.length; i += CHUNK) {
        const answer = await bulkRetryChunkAction({ view, bulkId, processIds: todo.slice(i, i + CHUNK) });
        if (!answer.ok) {
          setPhase({ name: "stopped", selection, results, error: answer.message });
          return;
        }
        results = [...results, ...answer.value];
        setPhase({ name: "running", selection, results });
      }
      setPhase({ name: "done", selection, results });
    } catch {
      setPhase({ name: "stopped", selection, results, error: "The desk could not be reached. Continue to try the rest again: what was retried is not repeated." });
    } finally {
      running.current = false;
    }
  }

  function close() {
    if (running.current) return;
    dialog.current?.close();
    const changed = "results" in phase && phase.results.length > 0;
    setPhase({ name: "closed" });
    // New processes arrive in the queue; the selection and its counts change.
    if (changed) router.refresh();
  }

  const n = summary?.retryable.count ?? 0;
  return (
    <section aria-label="Bulk retry" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-fuchsia-200 bg-fuchsia-50/40 px-4 py-3 text-sm">
      <p>
        {summary === null
          ? "Counting the failed processes in this view that can be retried…"
          : n === 0
            ? "No failed process in this view can be retried from here."
            : `${formatCount(summary.retryable)} failed ${n === 1 ? "process" : "processes"} in this view can be retried.`}{" "}
        {summary && <span className="text-slate-600">{skipped(summary)}</span>}
      </p>
      {summary && n > 0 && (
        <button type="button" onClick={open} disabled={phase.name !== "closed"} className={`${button} bg-slate-900 text-white hover:bg-slate-700`}>
          {offerLabel(summary)}
        </button>
      )}

      <dialog
        ref={dialog}
        aria-labelledby="bulk-retry-heading"
        onCancel={(event) => {
          event.preventDefault();
          close();
        }}
        className="m-auto w-[min(64rem,95vw)] rounded-md border border-slate-300 p-0 backdrop:bg-slate-900/40"
      >
        <div className="flex max-h-[85vh] flex-col gap-3 overflow-auto p-4 text-sm">
          <h2 id="bulk-retry-heading" className="text-base font-semibold">Bulk retry</h2>
          {phase.name === "preparing" && <p>Working out which failed processes in this view can be retried…</p>}
          {phase.name === "refused" && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">{phase.error}</p>}
          {"selection" in phase && phase.name === "confirm" && (
            <>
              <p>
                Retry <strong>{phase.selection.items.length}</strong> failed {phase.selection.items.length === 1 ? "process" : "processes"} in this view?
                {phase.selection.retryable.count > phase.selection.items.length && ` These are the first ${phase.selection.items.length} of ${formatCount(phase.selection.retryable)}, in the view's order; the rest remain for another bulk retry.`}
              </p>
              <p>Each gets a new process in the same dossier with the same parameters and the failed one&apos;s images, and its verification starts.</p>
              <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                Consent failures are skipped: only the end-user can give consent, so staff cannot retry them ({formatCount(phase.selection.consentFailures)} in this view). Processes retried already are skipped too ({formatCount(phase.selection.retriedAlready)}).
              </p>
              {phase.selection.capturedByEndUser.count > 0 && (
                <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                  Document + video checks are skipped ({formatCount(phase.selection.capturedByEndUser)} in this view): Onfido&apos;s SDK captures them on the end-user&apos;s device and Assure takes no images for them, so the desk cannot start them. Ask those end-users to run the check again.
                </p>
              )}
            </>
          )}
          {"results" in phase && (
            <>
              <label className="flex flex-col gap-1">
                <span>
                  {phase.results.length} of {phase.selection.items.length} done
                  {phase.name === "done" && ` — ${phase.results.filter((r) => r.ok).length} started, ${phase.results.filter((r) => !r.ok).length} failed`}
                </span>
                <progress value={phase.results.length} max={Math.max(1, phase.selection.items.length)} className="w-full" aria-label="Bulk retry progress" />
              </label>
              {phase.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">{phase.error}</p>}
              <BulkRetryResults items={phase.results} dossierOf={new Map(phase.selection.items.map((i) => [i.processId, i.dossierId]))} />
            </>
          )}
          <div className="flex gap-2">
            {phase.name === "confirm" && phase.selection.items.length > 0 && (
              <button type="button" onClick={() => run(phase.selection, [])} className={`${button} bg-fuchsia-800 text-white`}>
                Confirm retry of {phase.selection.items.length}
              </button>
            )}
            {phase.name === "stopped" && phase.selection.items.length > 0 && (
              <button type="button" onClick={() => run(phase.selection, phase.results)} className={`${button} bg-fuchsia-800 text-white`}>
                Continue
              </button>
            )}
            <button type="button" onClick={close} disabled={phase.name === "running" || phase.name === "preparing"} className={`${button} border border-slate-300`}>
              {phase.name === "confirm" ? "Cancel" : "Close"}
            </button>
          </div>
        </div>
      </dialog>
    </section>
  );
}
