"use client";

import { useEffect, useState } from "react";
import { useLiveState, type LiveState } from "./live-events";

/** Quiet while live; after a few seconds away it says so, so that nobody trusts a list that stopped moving. */
export function LiveIndicatorView({ pausedText }: { pausedText: string }) {
  const state = useLiveState();
  // The state that has lasted three seconds: a reconnect that quick is not worth a word.
  const [settled, setSettled] = useState<LiveState>("live");
  useEffect(() => {
    const timer = setTimeout(() => setSettled(state), state === "live" ? 0 : 3_000);
    return () => clearTimeout(timer);
  }, [state]);
  const away = state !== "live" && settled !== "live";
  return (
    <p role="status" className="px-3 text-xs text-slate-500" data-live-state={state}>
      {away ? (
        <>
          <span aria-hidden className="mr-1.5 inline-block size-2 rounded-full bg-amber-400" />
          {pausedText}
        </>
      ) : null}
    </p>
  );
}
