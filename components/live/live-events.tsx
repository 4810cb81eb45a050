"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { DeskEvent } from "@/lib/events/event-kinds";

/** What a page hears: a desk event, or `resync` when events may have been missed (reload what you show). */
export type LiveMessage = DeskEvent | { kind: "resync" };
type Listener = (message: LiveMessage) => void;
export type LiveState = "connecting" | "live" | "away";

interface LiveContextValue {
  subscribe(listener: Listener): () => void;
  state: LiveState;
}

const LiveContext = createContext<LiveContextValue | null>(null);

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * The tab's one EventSource on `/api/events`, shared by every live part of the page. The browser reconnects
 * by itself after a blip (sending `Last-Event-ID`); when the server refused or ended the stream (a restart
 * answering 502, a session that ended) this opens a new one with a growing pause, and since a new
 * EventSource cannot resume, tells the page to reload what it shows.
 */
export function LiveEventsProvider({ children, renderedAt }: { children: ReactNode; renderedAt: number }) {
  const listeners = useRef(new Set<Listener>());
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let reopened = false;
    let stopped = false;
    const dispatch = (message: LiveMessage) => {
      for (const listener of listeners.current) listener(message);
    };
    const reopenLater = () => {
      source?.close();
      setState("away");
      if (stopped) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    };
    function connect() {
      // The first stream asks for what changed between the server's render and now (a process that turned
      // final meanwhile); a later one cannot resume and asks for a resync instead.
      source = new EventSource(reopened ? "/api/events" : `/api/events?since=${renderedAt}`);
      source.onopen = () => {
        setState("live");
        delay = FIRST_RETRY_MS;
        if (reopened) dispatch({ kind: "resync" });
        reopened = true;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          dispatch({ ...(JSON.parse(message.data) as Omit<DeskEvent, "id">), id: message.lastEventId });
        } catch {
          // Not an event of ours: nothing to do with it.
        }
      };
      source.addEventListener("resync", () => dispatch({ kind: "resync" }));
      source.addEventListener("end", reopenLater);
      source.onerror = () => {
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (an answer other than a stream).
        if (source?.readyState === EventSource.CLOSED) reopenLater();
        else setState("away");
      };
    }
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [renderedAt]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ subscribe, state }), [subscribe, state]);
  return <LiveContext value={value}>{children}</LiveContext>;
}

/** Calls `listener` for every message while the component is mounted (outside the provider: never). */
export function useLiveMessages(listener: Listener): void {
  const context = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => context?.subscribe((message) => latest.current(message)), [context]);
}

export function useLiveState(): LiveState {
  return useContext(LiveContext)?.state ?? "connecting";
}
