import Link from "next/link";
import { DataTablePager } from "@/components/data-table-pager";
import type { TableResult } from "@/components/data-table-result";
import type { ProcessPage } from "@/lib/processes/list-processes";
import { describeLookup, parseLookup } from "@/lib/processes/parse-lookup";
import { PAGE_SIZES, describeProcessFilters } from "@/lib/processes/process-list-query";
import type { StatusCounts } from "@/lib/processes/status-counts-types";
import { serializeProcessSearchParams, toProcessFilters, type ProcessSearchParams } from "../search-params";
import { formatCount } from "@/components/labels";
import { ProcessTable } from "./process-table";

interface ProcessResultsProps {
  params: ProcessSearchParams;
  page: Promise<TableResult<ProcessPage>>;
  counts: Promise<TableResult<StatusCounts>>;
}

const href = (params: ProcessSearchParams) => `/processes${serializeProcessSearchParams(params)}`;
const panel = "rounded-md border p-6 text-center";

function whatIsAskedFor(params: ProcessSearchParams): string[] {
  const reading = parseLookup(params.q, params.by);
  const lookup = reading.ok && reading.lookup ? [describeLookup(reading.lookup)] : [];
  return [...lookup, ...describeProcessFilters(toProcessFilters(params))];
}

/** The rows of one view, or why there are none: no match, past the end, or a view that is not valid. */
export async function ProcessResults({ params, page, counts }: ProcessResultsProps) {
  const [result, countResult] = await Promise.all([page, counts]);
  const firstPage = href({ ...params, cursor: null });
  const clearFilters = href({ ...params, q: "", by: "auto", assigned: null, status: [], type: null, doc: null, country: null, dates: "updated", from: null, to: null, cursor: null });

  if (!result.ok) {
    return (
      <div role="alert" className={`${panel} border-red-300 bg-red-50 text-red-900`}>
        <p className="font-semibold">This view cannot be shown</p>
        <p className="mt-1 text-sm">{result.message}</p>
        <p className="mt-3 flex justify-center gap-4 text-sm underline">
          {params.cursor && <Link href={firstPage}>Go to the first page</Link>}
          <Link href={clearFilters}>Clear all filters</Link>
        </p>
      </div>
    );
  }

  const { items, nextCursor, prevCursor } = result.value;
  const asked = whatIsAskedFor(params);
  if (items.length === 0) {
    return (
      <div className={`${panel} border-dashed border-slate-300 bg-white text-slate-700`} data-testid="empty-state">
        {params.cursor ? (
          <p>No processes on this page any more. <Link className="underline" href={firstPage}>Go to the first page</Link></p>
        ) : asked.length > 0 ? (
          <>
            <p>No process matches: {asked.join("; ")}.</p>
            <p className="mt-2"><Link className="underline" href={clearFilters}>Clear all filters</Link></p>
          </>
        ) : (
          <p>No processes yet. They appear here when Assure notifies the desk or a sync runs.</p>
        )}
      </div>
    );
  }

  const total = countResult.ok ? ` · ${formatCount(countResult.value.total)} in this view` : "";
  return (
    <div className="flex flex-col gap-3">
      {asked.length > 0 && <p className="text-sm text-slate-700">Showing processes where {asked.join("; ")}.</p>}
      <ProcessTable items={items} />
      <DataTablePager
        summary={`${items.length} on this page${total}`}
        firstHref={params.cursor ? firstPage : null}
        prevHref={prevCursor ? href({ ...params, cursor: prevCursor }) : null}
        nextHref={nextCursor ? href({ ...params, cursor: nextCursor }) : null}
        pageSize={params.size}
        sizeHrefs={PAGE_SIZES.map((size) => ({ size, href: href({ ...params, size, cursor: null }) }))}
      />
    </div>
  );
}
