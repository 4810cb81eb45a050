"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Messages } from "@/components/labels";

/**
 * The words of the desk's error boundary (app/(desk)/error.tsx), in the page's language. An error boundary
 * is client code that gets nothing but the error, so the desk layout hands them down here: next-intl's
 * client runtime would otherwise come with every desk page, since the boundary is part of each.
 */
export type ErrorWords = Messages["ErrorPage"];

const Words = createContext<ErrorWords | null>(null);

export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <Words.Provider value={words}>{children}</Words.Provider>;
}

export function useErrorWords(): ErrorWords | null {
  return useContext(Words);
}
