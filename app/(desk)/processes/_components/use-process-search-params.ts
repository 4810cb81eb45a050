"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useTransition } from "react";
import { processSearchParams, type ProcessSearchParams } from "../search-params";

type Patch = Partial<{ [K in keyof ProcessSearchParams]: ProcessSearchParams[K] | null }>;

/**
 * The queue's URL state on the client. Every change re-renders the page on the server (`shallow: false`)
 * and goes into history, so Back undoes a filter. Any change but a page move drops the cursor: a
 * position in one view means nothing in another.
 */
export function useProcessSearchParams() {
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(processSearchParams, { shallow: false, history: "push", startTransition });
  const setView = useCallback((patch: Patch) => void setParams({ ...patch, cursor: null }), [setParams]);
  return { params, setView, isPending };
}
