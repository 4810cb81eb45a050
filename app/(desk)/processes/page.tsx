import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Suspense } from "react";
import { settleTableQuery } from "@/components/data-table-result";
import { IgnoredParamsNote } from "@/components/ignored-params-note";
import { ExportCsvLink } from "@/components/list-kit/export-csv-link";
import { TableSkeleton } from "@/components/table-skeleton";
import { getProcessListPage } from "@/lib/processes/get-process-list-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { BulkRetry } from "./_components/bulk-retry";
import { ProcessFilters } from "./_components/process-filters";
import { ProcessResults } from "./_components/process-results";
import { findIgnoredProcessParams, loadProcessSearchParams, serializeProcessSearchParams, toListProcessesInput } from "./search-params";

export const metadata: Metadata = { title: "Processes" };

interface ProcessesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The queue: parses its URL, starts the page and the counts together, and streams both. */
export default async function ProcessesPage({ searchParams }: ProcessesPageProps) {
  const raw = await searchParams;
  const params = loadProcessSearchParams(raw);
  const ctx = await requirePage("processes.read", "/processes");
  const model = await loadPage(getProcessListPage(ctx, toListProcessesInput(params)));
  const page = settleTableQuery(model.page);
  const counts = settleTableQuery(model.counts);
  const bulkRetrySummary = model.bulkRetry && settleTableQuery(model.bulkRetry);
  const view = serializeProcessSearchParams({ ...params, cursor: null });

  return (
    <section aria-labelledby="processes-heading" className="flex flex-col gap-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="processes-heading" className="text-xl font-semibold">
          Processes
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-600">
            Keys: <kbd>/</kbd> look up · <kbd>j</kbd>/<kbd>k</kbd> next/previous row · <kbd>Enter</kbd> open
          </p>
          {/* The view without its page: the export takes every row (size and cursor are not read). */}
          {model.canExport && <ExportCsvLink href={`/api/exports/processes${serializeProcessSearchParams({ ...params, size: null, cursor: null })}`} plural="processes" />}
        </div>
      </header>
      <IgnoredParamsNote ignored={findIgnoredProcessParams(raw)} cleanHref={`/processes${serializeProcessSearchParams(params)}`} />
      <NuqsAdapter>
        <ProcessFilters counts={counts} canReview={model.canReview} />
        {bulkRetrySummary && <BulkRetry key={view} view={view} summary={bulkRetrySummary} />}
        {/* A new key per view: the skeleton shows while a new view loads, not the last view's rows. */}
        <Suspense key={serializeProcessSearchParams(params)} fallback={<TableSkeleton rows={Math.min(params.size, 15)} columns={10} label="Loading processes…" />}>
          <ProcessResults params={params} page={page} counts={counts} from={model.from} />
        </Suspense>
      </NuqsAdapter>
    </section>
  );
}
