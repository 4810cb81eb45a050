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
  /** The words, translated by the server (list-walk-nav.tsx). */
  labels: ProcessKeysLabels;
}

export interface ProcessKeysLabels {
  title: string;
  note: string;
  close: string;
  or: string;
  next: string;
  previous: string;
  assign: string;
  decide: string;
  compare: string;
  help: string;
}

/** What each key does, for the `?` dialog; `when` says when it is there. */
function shortcuts({ walk, reviews, compare, labels }: ProcessKeysProps) {
  return [
    walk && { keys: ["j", "]"], what: labels.next },
    walk && { keys: ["k", "["], what: labels.previous },
    reviews && { keys: ["a"], what: labels.assign },
    reviews && { keys: ["d"], what: labels.decide },
    compare && { keys: ["c"], what: labels.compare },
    { keys: ["?"], what: labels.help },
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
  const { labels } = props;
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
      <h2 id="process-keys-heading" className="mb-2 text-base font-semibold">{labels.title}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {shortcuts(props).map((s) => (
          <div key={s.what} className="contents">
            <dt>{s.keys.map((k, i) => <span key={k}>{i > 0 && ` ${labels.or} `}<kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">{k}</kbd></span>)}</dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">{labels.note}</p>
      <form method="dialog" className="mt-3 flex justify-end">
        <button autoFocus className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">{labels.close}</button>
      </form>
    </dialog>
  );
}
