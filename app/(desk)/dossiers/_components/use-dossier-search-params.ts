"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useTransition } from "react";
import { dossierSearchParams, type DossierSearchParams } from "../search-params";

type Patch = Partial<{ [K in keyof DossierSearchParams]: DossierSearchParams[K] | null }>;

/** The dossier list's URL state; every change but a page move starts again from the first page. */
export function useDossierSearchParams() {
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(dossierSearchParams, { shallow: false, history: "push", startTransition });
  const setView = useCallback((patch: Patch) => void setParams({ ...patch, cursor: null }), [setParams]);
  return { params, setView, isPending };
}
