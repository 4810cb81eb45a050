"use client";

import { useEffect, useRef } from "react";
import { isTyping } from "@/components/data-table-keyboard";

interface ProcessKeysProps {
  /** The page was opened from a list: `j` and `k` walk it (through the page's next and previous links). */
  walk: boolean;
  /** The role reviews: `a` and `d` are listed (they act only when the page offers the button or the form). */
  reviews: boolean;
  /** The full result has pictures to compare. */
  compare: boolean;
}

/** What each key does, for the `?` dialog; `when` says when it is there. */
function shortcuts({ walk, reviews, compare }: ProcessKeysProps) {
  return [
    walk && { keys: ["j", "]"], what: "next process in the list" },
    walk && { keys: ["k", "["], what: "previous process in the list" },
    reviews && { keys: ["a"], what: "assign to me (when the process can be taken)" },
    reviews && { keys: ["d"], what: "go to the decision form (when a decision can be made)" },
    compare && { keys: ["c"], what: "compare the document portrait and the selfie" },
    { keys: ["?"], what: "this list of keys" },
  ].filter((s) => s !== false);
}

/**
 * The element a shortcut acts on, marked by the page (`data-shortcut`): present only when the action is
 * offered, and always the one on screen (after a walk to the next process, its links, not the last page's).
 */
const target = (name: string) => document.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);

/**
 * The process page's keys: walk the list it was opened from, take the process, go to the decision, compare
 * the faces, and `?` for the list. Never while typing in a field, with a modifier, or over an open dialog.
 */
export function ProcessKeys(props: ProcessKeysProps) {
  const help = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const act = (action: () => void) => {
        event.preventDefault();
        action();
      };
      const key = event.key;
      const clicks: Record<string, string> = { j: "next", "]": "next", k: "previous", "[": "previous", a: "assign", c: "compare" };
      if (key === "?") act(() => help.current?.showModal());
      else if (clicks[key]) {
        const element = target(clicks[key]);
        if (element) act(() => element.click());
      } else if (key === "d") {
        const form = target("decide");
        if (form) act(() => {
          form.scrollIntoView({ block: "center" });
          form.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
        });
      }
    }
    document.addEventListener("keydown", onKeyDown);
    // Says the keys work (only once the page is hydrated): browser tests wait for it before pressing.
    help.current?.setAttribute("data-keys", "ready");
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <dialog
      ref={help}
      aria-labelledby="process-keys-heading"
      className="m-auto w-[min(28rem,95vw)] rounded-md border border-slate-300 p-4 text-sm backdrop:bg-slate-900/40"
    >
      <h2 id="process-keys-heading" className="mb-2 text-base font-semibold">Keyboard shortcuts</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {shortcuts(props).map((s) => (
          <div key={s.what} className="contents">
            <dt>{s.keys.map((k, i) => <span key={k}>{i > 0 && " or "}<kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">{k}</kbd></span>)}</dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">Keys do nothing while you type in a field. Esc closes this.</p>
      <form method="dialog" className="mt-3 flex justify-end">
        <button autoFocus className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">Close</button>
      </form>
    </dialog>
  );
}
