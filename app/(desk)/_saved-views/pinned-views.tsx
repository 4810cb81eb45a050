"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatCount } from "@/components/labels";
import { useLiveMessages, type LiveMessage } from "@/components/live/live-events";
import { useTimeSettings } from "@/components/time-settings";
import type { PinnedViewCount } from "@/lib/saved-views/count-saved-views";
import type { SavedView } from "@/lib/saved-views/list-saved-views";

type PinnedView = Pick<SavedView, "id" | "list" | "name" | "href" | "query">;

interface PinnedViewsProps {
  views: PinnedView[];
  /** Its words, translated on the server (this code carries no message formatter). */
  words: { heading: string; countFailed: string };
}

/** Counts are asked again at most this often while desk events arrive. */
const REFRESH_EVERY_MS = 10_000;
/** The events that can change what a view holds. */
const COUNTED: ReadonlySet<LiveMessage["kind"]> = new Set(["process", "decision", "assignment", "retry", "resync"]);

/**
 * A view's filters without the page position, keys in order. A saved query is in the list's own normal form
 * (lib/saved-views/view-query.ts), as the list's filters write the address, so comparing the two needs no
 * parser here: the list's parsers would bring their code into every page of the desk.
 */
function viewKey(query: string | URLSearchParams): string {
  const params = new URLSearchParams(query);
  params.delete("size");
  params.delete("cursor");
  params.sort();
  return params.toString();
}

/** The pinned views' counts from the server, or null when they could not be read (the side bar says so). */
async function readCounts(): Promise<Map<string, PinnedViewCount> | null> {
  const response = await fetch("/api/saved-views/counts", { cache: "no-store" }).catch(() => null);
  if (!response?.ok) return null;
  const body = (await response.json()) as { counts: PinnedViewCount[] };
  return new Map(body.counts.map((c) => [c.id, c]));
}

interface CountsState {
  counts: Map<string, PinnedViewCount>;
  /** The last read failed: the counts shown are older (or "?"). */
  failed: boolean;
  /** The pinned views (ids) the last successful read was asked for: a view it did not count is gone (deleted, unshared). */
  countedFor: string | null;
}

const settle = (counts: Map<string, PinnedViewCount> | null, ids: string) => (before: CountsState): CountsState =>
  counts ? { counts, failed: false, countedFor: ids } : { ...before, failed: true };

function usePinnedCounts(ids: string) {
  const [state, setState] = useState<CountsState>({ counts: new Map(), failed: false, countedFor: null });
  const last = useRef(0);
  const currentIds = useRef(ids);
  useEffect(() => {
    currentIds.current = ids;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fetchCounts = useCallback(() => {
    last.current = Date.now();
    const asked = currentIds.current;
    return readCounts().then((counts) => setState(settle(counts, asked)));
  }, []);

  /** At most one fetch per REFRESH_EVERY_MS; a change inside the window is counted at its end. */
  const refreshSoon = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(0, last.current + REFRESH_EVERY_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void fetchCounts();
    }, wait);
  }, [fetchCounts]);

  // A new set of pinned views (a pin, an unpin, a deleted view) is counted at once.
  useEffect(() => {
    if (!ids) return;
    last.current = Date.now();
    let current = true;
    void readCounts().then((counts) => current && setState(settle(counts, ids)));
    return () => {
      current = false;
    };
  }, [ids]);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveMessages((message) => {
    if (ids && COUNTED.has(message.kind)) refreshSoon();
  });
  return state;
}

/** The side bar's pinned views: a link each, its live count, and the one the page shows marked. */
export function PinnedViews({ views, words }: PinnedViewsProps) {
  const { locale } = useTimeSettings();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const ids = views.map((v) => v.id).join(",");
  const { counts, failed, countedFor } = usePinnedCounts(ids);
  const shown = countedFor === ids ? views.filter((view) => counts.has(view.id)) : views;
  if (shown.length === 0) return null;
  return (
    <nav aria-label={words.heading} className="flex flex-col gap-1">
      <h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{words.heading}</h2>
      {shown.map((view) => {
        const active = pathname === `/${view.list}` && viewKey(searchParams) === viewKey(view.query);
        const count = counts.get(view.id);
        return (
          <Link
            key={view.id}
            href={view.href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center justify-between gap-2 rounded-md px-3 py-1.5 text-sm ${active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"}`}
          >
            <span className="truncate" title={view.name}>{view.name}</span>
            <span
              data-testid="pinned-view-count"
              className={`shrink-0 text-xs tabular-nums ${active ? "text-slate-200" : "text-slate-500"}`}
              title={count && !count.ok ? count.message : failed ? words.countFailed : undefined}
            >
              {count ? (count.ok ? formatCount(count.count, locale) : "—") : failed ? "?" : "…"}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
