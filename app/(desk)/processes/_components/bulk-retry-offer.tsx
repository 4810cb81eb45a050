"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { BulkRetryItem } from "@/lib/retries/bulk-retry";
import type { BulkRetrySelection } from "@/lib/retries/failed-in-view";
import { bulkRetryChunkAction, prepareBulkRetryAction } from "../actions";
import { BulkRetryResults } from "./bulk-retry-results";
import { formatMessage } from "@/components/format-message";
import { formatCount, type Messages } from "@/components/labels";
import { useTimeSettings } from "@/components/time-settings";

export type BulkRetrySummary = Omit<BulkRetrySelection, "items">;

/** The BulkRetry messages, handed down by the server; counts known only here are formatted here (format-message.ts). */
export type BulkRetryWords = Messages["BulkRetry"];

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

function offerLabel(summary: BulkRetrySummary, words: BulkRetryWords, locale: string): string {
  const n = summary.retryable.count;
  if (n > MAX || summary.retryable.capped) return formatMessage(words.offerCapped, { max: MAX, count: formatCount(summary.retryable, locale) }, locale);
  return formatMessage(words.offer, { count: n }, locale);
}

function skipped(summary: BulkRetrySummary, words: BulkRetryWords, locale: string): string {
  return formatMessage(
    words.skipped,
    {
      consentN: summary.consentFailures.count,
      consent: formatCount(summary.consentFailures, locale),
      video: formatCount(summary.capturedByEndUser, locale),
      retried: formatCount(summary.retriedAlready, locale),
    },
    locale,
  );
}

interface BulkRetryOfferProps {
  view: string;
  summary: BulkRetrySummary | null;
  words: BulkRetryWords;
}

/** The offer and its dialog: loaded only when the queue shows it (an admin, a view of failed processes). */
export function BulkRetryOffer({ view, summary, words }: BulkRetryOfferProps) {
  const router = useRouter();
  const { locale } = useTimeSettings();
  const say = (message: string, values: Record<string, string | number> = {}) => formatMessage(message, values, locale);
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
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
      setPhase({ name: "stopped", selection, results, error: words.unreachable });
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
    <section aria-label={words.region} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-fuchsia-200 bg-fuchsia-50/40 px-4 py-3 text-sm">
      <p>
        {summary === null
          ? words.counting
          : n === 0
            ? words.noneRetryable
            : say(words.retryable, { n, count: formatCount(summary.retryable, locale) })}{" "}
        {summary && <span className="text-slate-600">{skipped(summary, words, locale)}</span>}
      </p>
      {summary && n > 0 && (
        <button type="button" onClick={open} disabled={phase.name !== "closed"} className={`${button} bg-slate-900 text-white hover:bg-slate-700`}>
          {offerLabel(summary, words, locale)}
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
          <h2 id="bulk-retry-heading" className="text-base font-semibold">{words.heading}</h2>
          {phase.name === "preparing" && <p>{words.preparing}</p>}
          {phase.name === "refused" && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">{phase.error}</p>}
          {"selection" in phase && phase.name === "confirm" && (
            <>
              <p>
                <strong>{say(words.confirmQuestion, { count: phase.selection.items.length })}</strong>
                {phase.selection.retryable.count > phase.selection.items.length &&
                  ` ${say(words.firstOf, { count: number(phase.selection.items.length), total: formatCount(phase.selection.retryable, locale) })}`}
              </p>
              <p>{words.sameParameters}</p>
              <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                {say(words.consentNote, { consent: formatCount(phase.selection.consentFailures, locale), retried: formatCount(phase.selection.retriedAlready, locale) })}
              </p>
              {phase.selection.capturedByEndUser.count > 0 && (
                <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                  {say(words.videoNote, { count: formatCount(phase.selection.capturedByEndUser, locale) })}
                </p>
              )}
            </>
          )}
          {"results" in phase && (
            <>
              <label className="flex flex-col gap-1">
                <span>
                  {phase.name === "done"
                    ? say(words.progressDone, {
                        done: number(phase.results.length),
                        total: number(phase.selection.items.length),
                        started: number(phase.results.filter((r) => r.ok).length),
                        failed: number(phase.results.filter((r) => !r.ok).length),
                      })
                    : say(words.progress, { done: number(phase.results.length), total: number(phase.selection.items.length) })}
                </span>
                <progress value={phase.results.length} max={Math.max(1, phase.selection.items.length)} className="w-full" aria-label={words.progressLabel} />
              </label>
              {phase.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">{phase.error}</p>}
              <BulkRetryResults items={phase.results} dossierOf={new Map(phase.selection.items.map((i) => [i.processId, i.dossierId]))} words={words.results} />
            </>
          )}
          <div className="flex gap-2">
            {phase.name === "confirm" && phase.selection.items.length > 0 && (
              <button type="button" onClick={() => run(phase.selection, [])} className={`${button} bg-fuchsia-800 text-white`}>
                {say(words.confirm, { count: number(phase.selection.items.length) })}
              </button>
            )}
            {phase.name === "stopped" && phase.selection.items.length > 0 && (
              <button type="button" onClick={() => run(phase.selection, phase.results)} className={`${button} bg-fuchsia-800 text-white`}>
                {words.continue}
              </button>
            )}
            <button type="button" onClick={close} disabled={phase.name === "running" || phase.name === "preparing"} className={`${button} border border-slate-300`}>
              {phase.name === "confirm" ? words.cancel : words.close}
            </button>
          </div>
        </div>
      </dialog>
    </section>
  );
}
