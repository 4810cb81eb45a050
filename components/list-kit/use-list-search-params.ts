"use client";

import { useQueryStates, type UseQueryStatesKeysMap, type Values } from "nuqs";
import { useCallback, useTransition } from "react";

/** A change to a list's URL: a value, or null to drop it (back to its default). */
export type ListPatch<P> = Partial<{ [K in keyof P]: P[K] | null }>;

/**
 * A list's URL state on the client, from the parsers its `search-params.ts` shares with the server page.
 * Every change re-renders the page on the server (`shallow: false`) and goes into history, so Back undoes a
 * filter. Any change but a page move drops the cursor: a position in one view means nothing in another.
 */
export function useListSearchParams<M extends UseQueryStatesKeysMap & { cursor: unknown }>(parsers: M) {
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(parsers, { shallow: false, history: "push", startTransition });
  const setView = useCallback((patch: ListPatch<Values<M>>) => void setParams({ ...patch, cursor: null } as never), [setParams]);
  return { params, setView, isPending };
}
