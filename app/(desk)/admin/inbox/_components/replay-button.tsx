"use client";

import { useActionState } from "react";
import type { InboxState } from "@/lib/webhooks/list-inbox";
import { replayInboxRowAction } from "../actions";

interface ReplayButtonProps {
  id: number;
  /** The state filter of the page, so that the page shown after the replay is the same view. */
  view?: InboxState;
  /** In the page's language, from the server (this client code carries no message formatter). */
  words: { button: string; pending: string; label: string };
}

export function ReplayButton({ id, view, words }: ReplayButtonProps) {
  const [result, action, pending] = useActionState(replayInboxRowAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      {view && <input type="hidden" name="view" value={view} />}
      <button
        type="submit"
        disabled={pending}
        aria-label={words.label}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50"
      >
        {pending ? words.pending : words.button}
      </button>
      {result && !result.ok && (
        <p role="alert" className="text-xs text-red-800">
          {result.message}
        </p>
      )}
    </form>
  );
}
