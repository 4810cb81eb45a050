"use client";

import type { ReactNode } from "react";

/**
 * The client boundary around a list's filters, bulk actions and results. Without one, a `router.refresh()`
 * from inside (bulk retry's dialog closing) left a second copy of the refreshed Suspense boundary's
 * fallback beside its content (e2e/retry-bulk.spec.ts); nuqs's adapter used to be this boundary.
 */
export function ListControls({ children }: { children: ReactNode }) {
  return children;
}
