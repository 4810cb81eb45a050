"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useLiveMessages } from "./live-events";
import { describePresence, type LiveWords } from "./live-words";
import { usePresence } from "./use-presence";

interface LiveProcessViewProps {
  processId: string;
  /** The viewer may decide on this process now: presence says "reviewing" rather than "viewing". */
  reviewing: boolean;
  /** Its words, from the server (live-process.tsx). */
  words: LiveWords;
}

const HEARTBEAT_MS = 20_000;

function reportPresence(body: Record<string, unknown>): void {
  void fetch("/api/presence", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), keepalive: true }).catch(() => {});
}

/**
 * The process page's live part: reloads the page's data in place (status, timeline, full result, review
 * panel; React keeps scroll and what is typed in forms) when this process or its retry changes, says who
 * else has the process open, and tells the others that this tab has it open.
 */
export function LiveProcessView({ processId, reviewing, words }: LiveProcessViewProps) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [tabId] = useState(() => crypto.randomUUID());
  // The tab's reports, numbered: a heartbeat and the goodbye after it may reach the server in either order.
  const reports = useRef(0);
  const others = usePresence([processId]);

  useLiveMessages((message) => {
    const concerns = message.kind === "resync" || (message.kind !== "presence" && message.processId === processId);
    if (!concerns) return;
    // Several events of one change (status, then result) make one reload.
    clearTimeout(pending.current);
    pending.current = setTimeout(() => startRefresh(() => router.refresh()), 250);
  });
  useEffect(() => () => clearTimeout(pending.current), []);

  useEffect(() => {
    const mode = reviewing ? "reviewing" : "viewing";
    const beat = () => reportPresence({ tabId, processId, mode, seq: ++reports.current });
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const leave = () => {
      const goodbye = { tabId, processId, mode, leave: true, seq: ++reports.current };
      const body = new Blob([JSON.stringify(goodbye)], { type: "application/json" });
      if (!navigator.sendBeacon("/api/presence", body)) reportPresence(goodbye);
    };
    // pagehide covers closing the tab and going back; a page restored from the cache says hello again.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) beat();
    };
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", onShow);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", onShow);
      leave();
    };
  }, [tabId, processId, reviewing]);

  if (others.length === 0) return null;
  return (
    <ul aria-label={words.live.alsoHere} className="flex flex-wrap gap-2 text-sm" data-presence>
      {others.map((entry) => (
        <li
          key={`${entry.name}-${entry.mode}`}
          className={`rounded-full px-2.5 py-0.5 ${entry.mode === "reviewing" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
        >
          {describePresence(entry, words)}
        </li>
      ))}
    </ul>
  );
}
