"use client";

import { lazy, Suspense, use } from "react";
import type { TableResult } from "@/components/data-table-result";
import type { BulkRetrySummary, BulkRetryWords } from "./bulk-retry-offer";

export type { BulkRetrySummary } from "./bulk-retry-offer";

// Its own chunk, fetched only on the views that show it (React's lazy: next/dynamic would add more than it saves).
const BulkRetryOffer = lazy(() => import("./bulk-retry-offer").then((m) => ({ default: m.BulkRetryOffer })));

interface BulkRetryProps {
  /** The queue's query string for this view (no cursor): the server works the set out from it. */
  view: string;
  summary: Promise<TableResult<BulkRetrySummary>>;
  /** The BulkRetry messages, from the server. */
  words: BulkRetryWords;
}

function BulkRetryWithSummary({ view, summary, words }: BulkRetryProps) {
  const result = use(summary);
  if (!result.ok) return null;
  return <BulkRetryOffer view={view} summary={result.value} words={words} />;
}

/** Admins, on a view of failed processes: retry the view's failed processes in one go, with each result. */
export function BulkRetry(props: BulkRetryProps) {
  return (
    <Suspense fallback={<BulkRetryOffer view={props.view} summary={null} words={props.words} />}>
      <BulkRetryWithSummary {...props} />
    </Suspense>
  );
}
