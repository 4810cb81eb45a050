"use client";

import { useActionState } from "react";
import type { Messages } from "@/components/labels";
import { cancelFullSyncAction, startFullSyncAction } from "../actions";

const BUTTON = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

/** The buttons' words in the page's language, from the server (this client code carries no message formatter). */
export type SyncButtonWords = Pick<Messages["Sync"], "start" | "starting" | "oneAtATime" | "cancel" | "canceling">;

function Outcome({ result }: { result: Awaited<ReturnType<typeof startFullSyncAction>> }) {
  if (!result) return null;
  return (
    <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
      {result.message}
    </p>
  );
}

export function StartSyncButton({ disabled, words }: { disabled: boolean; words: SyncButtonWords }) {
  const [result, action, pending] = useActionState(startFullSyncAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending || disabled} className={`${BUTTON} bg-slate-900 text-white hover:bg-slate-700`}>
        {pending ? words.starting : words.start}
      </button>
      {disabled && !result && <span className="text-sm text-slate-600">{words.oneAtATime}</span>}
      <Outcome result={result} />
    </form>
  );
}

export function CancelSyncButton({ runId, words }: { runId: number; words: SyncButtonWords }) {
  const [result, action, pending] = useActionState(cancelFullSyncAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="runId" value={runId} />
      <button type="submit" disabled={pending} className={`${BUTTON} border border-slate-300 bg-white hover:bg-slate-100`}>
        {pending ? words.canceling : words.cancel}
      </button>
      <Outcome result={result} />
    </form>
  );
}
