"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createLoader, createSerializer, type inferParserType, type ParserMap } from "nuqs/server";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";

/** A change to a list's URL: a value, or null to drop it (back to its default). */
export type ListPatch<P> = Partial<{ [K in keyof P]: P[K] | null }>;

/**
 * A list's URL state on the client, from the parsers its `search-params.ts` shares with the server page: read
 * by nuqs's loader and written by its serializer (the same two the server uses), through Next.js's router.
 * A change shows at once (React's optimistic state, as a checkbox must) while the page re-renders on the
 * server for the new address; it goes into history, so Back undoes a filter. Any change
 * but a page move drops the cursor: a position in one view means nothing in another. (nuqs's own hooks and
 * adapter would add their update queue to the lists' first load, for a URL that changes on a click.)
 */
export function useListSearchParams<M extends ParserMap & { cursor: unknown }>(parsers: M) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const loaded = useMemo(() => createLoader(parsers)(searchParams), [parsers, searchParams]);
  const [params, showAhead] = useOptimistic(loaded, (_current, next: typeof loaded) => next);
  const setView = useCallback(
    (patch: ListPatch<inferParserType<M>>) => {
      const url = createSerializer(parsers)(`${pathname}?${searchParams.toString()}`, { ...patch, cursor: null } as never);
      const next = createLoader(parsers)(new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1) : ""));
      startTransition(() => {
        showAhead(next);
        router.push(url, { scroll: false });
      });
    },
    [parsers, pathname, searchParams, router, showAhead],
  );
  return { params, setView, isPending };
}
