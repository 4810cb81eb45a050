"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useMemo, useState, useTransition, type ReactNode } from "react";
import { formatMessage } from "@/components/format-message";
import { useTimeSettings } from "@/components/time-settings";
import { useLiveMessages } from "./live-events";
import { describePresence, type LiveWords } from "./live-words";
import { initials, usePresence, type PresenceEntry } from "./use-presence";

interface LiveListValue {
  changed: ReadonlySet<string>;
  presence: PresenceEntry[];
  words: LiveWords | null;
}

const LiveListContext = createContext<LiveListValue>({ changed: new Set(), presence: [], words: null });

interface LiveListProps {
  /** Processes list rows by process, dossiers list rows by dossier. */
  rowsAre: "processes" | "dossiers";
  /** The ids of the rows on screen. */
  rowIds: string[];
  /** Process ids whose presence to show (the processes list's rows). */
  presenceFor?: string[];
  /** Its words, from the server (components/live/live-words.ts). */
  words: LiveWords;
  children: ReactNode;
}

/**
 * A list page that stays put: rows never move under the reviewer's cursor. What changed since the page was
 * loaded is counted in a bar ("3 new · 5 updated — show") and rows on screen that changed get a mark;
 * "show" loads the view again.
 */
export function LiveList({ rowsAre, rowIds, presenceFor = [], words, children }: LiveListProps) {
  const router = useRouter();
  const { locale } = useTimeSettings();
  const [refreshing, startRefresh] = useTransition();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [updated, setUpdated] = useState<ReadonlySet<string>>(new Set());
  const [stale, setStale] = useState(false);
  const onScreen = useMemo(() => new Set(rowIds), [rowIds]);
  const presence = usePresence(presenceFor);

  useLiveMessages((message) => {
    if (message.kind === "resync") {
      setStale(true);
      return;
    }
    if (message.kind === "presence" || message.kind === "sync") return;
    const id = rowsAre === "processes" ? message.processId : message.dossierId;
    if (!id) return;
    if (message.kind === "process" && message.created && !onScreen.has(id)) {
      setFresh((before) => (before.has(id) ? before : new Set(before).add(id)));
    } else if (!fresh.has(id)) {
      setUpdated((before) => (before.has(id) ? before : new Set(before).add(id)));
    }
  });

  const show = () => {
    setFresh(new Set());
    setUpdated(new Set());
    setStale(false);
    startRefresh(() => router.refresh());
  };
  const changed = useMemo(() => new Set([...updated].filter((id) => onScreen.has(id))), [updated, onScreen]);
  const value = useMemo(() => ({ changed, presence, words }), [changed, presence, words]);
  const parts = [
    fresh.size > 0 && formatMessage(words.live.newRows, { count: fresh.size }, locale),
    updated.size > 0 && formatMessage(words.live.updatedRows, { count: updated.size }, locale),
  ].filter(Boolean);

  return (
    <LiveListContext value={value}>
      <div aria-live="polite" className="min-h-0">
        {(parts.length > 0 || stale) && (
          <p role="status" data-live-bar className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-sm text-sky-900">
            <span>{parts.length > 0 ? parts.join(" · ") : words.live.outOfDate}</span>
            <span aria-hidden>—</span>
            <button type="button" onClick={show} disabled={refreshing} className="font-medium underline underline-offset-2">
              {words.live.show}
            </button>
          </p>
        )}
      </div>
      {children}
    </LiveListContext>
  );
}

/** The rows on screen that changed since the page loaded (for the table's marks). */
export function useChangedRows(): ReadonlySet<string> {
  return useContext(LiveListContext).changed;
}

/** What the mark of a changed row says, in the page's language (nothing outside a live list). */
export function useChangedRowTitle(): string | undefined {
  return useContext(LiveListContext).words?.live.changedRow;
}

/** A queue row's small avatars: who else has this process open. */
export function RowPresence({ processId }: { processId: string }) {
  const { presence, words } = useContext(LiveListContext);
  const here = presence.filter((entry) => entry.processId === processId);
  if (here.length === 0 || !words) return null;
  return (
    <span className="ml-1.5 inline-flex gap-0.5 align-middle">
      {here.map((entry) => (
        <span
          key={`${entry.name}-${entry.mode}`}
          title={describePresence(entry, words)}
          aria-label={describePresence(entry, words)}
          data-presence-avatar
          className={`inline-flex size-5 items-center justify-center rounded-full text-[10px] font-semibold ${
            entry.mode === "reviewing" ? "bg-amber-200 text-amber-900" : "bg-slate-200 text-slate-700"
          }`}
        >
          {initials(entry.name)}
        </span>
      ))}
    </span>
  );
}
