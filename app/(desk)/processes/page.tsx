import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import { ListControls } from "@/components/list-kit/list-controls";
import { Suspense } from "react";
import { settleTableQuery } from "@/components/data-table-result";
import { IgnoredParamsNote } from "@/components/ignored-params-note";
import { ExportCsvLink } from "@/components/list-kit/export-csv-link";
import { TableSkeleton } from "@/components/table-skeleton";
import { SavedViewsControls } from "../_saved-views/saved-views-controls";
import { getProcessListPage } from "@/lib/processes/get-process-list-page";
import { getViewer } from "@/i18n/viewer";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { BulkRetry } from "./_components/bulk-retry";
import { ProcessFilters } from "./_components/process-filters";
import { ProcessResults } from "./_components/process-results";
import { findIgnoredProcessParams, loadProcessSearchParams, serializeProcessSearchParams, toListProcessesInput } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Queue"))("title") };
}

interface ProcessesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The queue: parses its URL, starts the page and the counts together, and streams both. */
export default async function ProcessesPage({ searchParams }: ProcessesPageProps) {
  const raw = await searchParams;
  const params = loadProcessSearchParams(raw);
  const ctx = await requirePage("processes.read", "/processes");
  const input = toListProcessesInput(params);
  // Date filters are days where the viewer is.
  const { timeZone } = await getViewer();
  const model = await loadPage(getProcessListPage(ctx, { ...input, filters: { ...input.filters, tz: timeZone } }));
  const page = settleTableQuery(model.page);
  const counts = settleTableQuery(model.counts);
  const bulkRetrySummary = model.bulkRetry && settleTableQuery(model.bulkRetry);
  const view = serializeProcessSearchParams({ ...params, cursor: null });
  // What "Save view" keeps: the filters and sort, without the page position (the server checks them again).
  const savedViewQuery = serializeProcessSearchParams({ ...params, size: null, cursor: null }).replace(/^\?/, "");
  const [t, messages] = await Promise.all([getTranslations("Queue"), getMessages()]);

  return (
    <section aria-labelledby="processes-heading" className="flex flex-col gap-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="processes-heading" className="text-xl font-semibold">
          {t("heading")}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-600">
            {t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
          </p>
          {/* The view without its page: the export takes every row (size and cursor are not read). */}
          <Suspense fallback={null}>
            <SavedViewsControls list="processes" query={savedViewQuery} views={model.views} />
          </Suspense>
          {model.canExport && <ExportCsvLink href={`/api/exports/processes${serializeProcessSearchParams({ ...params, size: null, cursor: null })}`} singular={t("singular")} />}
        </div>
      </header>
      <IgnoredParamsNote ignored={findIgnoredProcessParams(raw)} cleanHref={`/processes${serializeProcessSearchParams(params)}`} />
      <ListControls>
        <ProcessFilters counts={counts} canReview={model.canReview} messages={{ queue: messages.Queue.filters, lists: messages.Lists, labels: messages.Labels, filters: { lookup: messages.Filters.lookup, problems: messages.Filters.problems } }} />
        {bulkRetrySummary && <BulkRetry key={view} view={view} summary={bulkRetrySummary} words={messages.BulkRetry} />}
        {/* A new key per view: the skeleton shows while a new view loads, not the last view's rows. */}
        <Suspense key={serializeProcessSearchParams(params)} fallback={<TableSkeleton rows={Math.min(params.size, 15)} columns={10} label={t("loading")} />}>
          <ProcessResults params={params} page={page} counts={counts} from={model.from} />
        </Suspense>
      </ListControls>
    </section>
  );
}
