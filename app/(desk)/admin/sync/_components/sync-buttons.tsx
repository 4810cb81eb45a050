"use client";

import { useActionState } from "react";
import { cancelFullSyncAction, startFullSyncAction } from "../actions";

const BUTTON = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

function Outcome({ result }: { result: Awaited<ReturnType<typeof startFullSyncAction>> }) {
  if (!result) return null;
  return (
    <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
      {result.message}
    </p>
  );
}

export function StartSyncButton({ disabled }: { disabled: boolean }) {
  const [result, action, pending] = useActionState(startFullSyncAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending || disabled} className={`${BUTTON} bg-slate-900 text-white hover:bg-slate-700`}>
        {pending ? "Starting…" : "Start full sync"}
      </button>
      {disabled && !result && <span className="text-sm text-slate-600">A sync is running; one at a time.</span>}
      <Outcome result={result} />
    </form>
  );
}

export function CancelSyncButton({ runId }: { runId: number }) {
  const [result, action, pending] = useActionState(cancelFullSyncAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="runId" value={runId} />
      <button type="submit" disabled={pending} className={`${BUTTON} border border-slate-300 bg-white hover:bg-slate-100`}>
        {pending ? "Canceling…" : "Cancel sync"}
      </button>
      <Outcome result={result} />
    </form>
  );
}
