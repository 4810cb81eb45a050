"use client";

import { useActionState } from "react";
import { clearSignInHoldsAction } from "../actions";

interface ClearHoldButtonProps {
  userId?: string;
  address?: string;
  /** In the page's language, from the server (this client code carries no message formatter). */
  words: { button: string; label: string };
}

export function ClearHoldButton({ userId, address, words }: ClearHoldButtonProps) {
  const [result, action, pending] = useActionState(clearSignInHoldsAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      {userId && <input type="hidden" name="userId" value={userId} />}
      {address && <input type="hidden" name="address" value={address} />}
      <button disabled={pending} aria-label={words.label} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">{words.button}</button>
      {result && <span role={result.ok ? "status" : "alert"} className={`text-xs ${result.ok ? "text-emerald-800" : "text-red-800"}`}>{result.message}</span>}
    </form>
  );
}
