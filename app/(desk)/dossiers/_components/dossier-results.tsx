import Link from "next/link";
import { DataTablePager } from "@/components/data-table-pager";
import type { TableResult } from "@/components/data-table-result";
import { describeDossierFilters } from "@/lib/dossiers/dossier-list-query";
import type { DossierPage } from "@/lib/dossiers/list-dossiers";
import { describeLookup, parseLookup } from "@/lib/processes/parse-lookup";
import type { StatusCount } from "@/lib/processes/status-counts-types";
import { PAGE_SIZES } from "@/lib/processes/process-list-query";
import { formatCount } from "@/components/labels";
import { serializeDossierSearchParams, type DossierSearchParams } from "../search-params";
import { DossierTable } from "./dossier-table";

interface DossierResultsProps {
  params: DossierSearchParams;
  page: Promise<TableResult<DossierPage>>;
  count: Promise<TableResult<StatusCount>>;
}

const href = (params: DossierSearchParams) => `/dossiers${serializeDossierSearchParams(params)}`;
const panel = "rounded-md border p-6 text-center";

export async function DossierResults({ params, page, count }: DossierResultsProps) {
  const [result, counted] = await Promise.all([page, count]);
  const firstPage = href({ ...params, cursor: null });
  const clearFilters = href({ ...params, q: "", by: "auto", from: null, to: null, cursor: null });
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
  const reading = parseLookup(params.q, params.by);
  const asked = [
    ...(reading.ok && reading.lookup ? [`a process's ${describeLookup(reading.lookup)}`] : []),
    ...describeDossierFilters({ from: params.from, to: params.to }),
  ];
  const { items, nextCursor, prevCursor } = result.value;
  if (items.length === 0) {
    return (
      <div className={`${panel} border-dashed border-slate-300 bg-white text-slate-700`} data-testid="empty-state">
        {params.cursor ? (
          <p>No dossiers on this page any more. <Link className="underline" href={firstPage}>Go to the first page</Link></p>
        ) : asked.length > 0 ? (
          <>
            <p>No dossier matches: {asked.join("; ")}.</p>
            <p className="mt-2"><Link className="underline" href={clearFilters}>Clear all filters</Link></p>
          </>
        ) : (
          <p>No dossiers yet.</p>
        )}
      </div>
    );
  }
  const total = counted.ok ? ` · ${formatCount(counted.value)} in this view` : "";
  return (
    <div className="flex flex-col gap-3">
      {asked.length > 0 && <p className="text-sm text-slate-700">Showing dossiers where {asked.join("; ")}.</p>}
      <DossierTable items={items} />
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
