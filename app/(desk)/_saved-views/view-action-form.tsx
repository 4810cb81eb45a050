"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action-result";

type FormAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

interface ViewActionFormProps {
  action: FormAction;
  /** Hidden fields sent with the form (the view's id, the list, the query…). */
  fields: Record<string, string>;
  children: ReactNode;
  className?: string;
  /** After a success: the page and the side bar show the change (router.refresh). */
  onDone?: () => void;
  /** Show the success message too (errors are always shown). */
  confirmSuccess?: boolean;
}

/** One saved-view action as a form: its outcome is said beside it, and a success refreshes what the page shows. */
export function ViewActionForm({ action, fields, children, className, onDone, confirmSuccess = false }: ViewActionFormProps) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  // The latest callback, so that a new one each render does not run the success again.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  // Once per outcome: each submission gives a new result object.
  useEffect(() => {
    if (!result?.ok) return;
    router.refresh();
    done.current?.();
  }, [result, router]);
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {result && (!result.ok || confirmSuccess) && (
        <p role={result.ok ? "status" : "alert"} className={`basis-full text-xs ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
    </form>
  );
}

export const smallButton = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60";
