import type { Metadata } from "next";
import Link from "next/link";
import { PROCESS_TYPES } from "@/lib/assure/values";
import { LISTED_DOCUMENT_TYPES } from "@/lib/lists/list-values";
import { getOverviewPage } from "@/lib/overview/get-overview-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { ChartTable } from "./_components/chart-table";
import { OverviewChartView } from "./_components/overview-chart";

export const metadata: Metadata = { title: "Overview" };

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const input = "rounded-md border border-slate-300 px-2 py-1.5";

export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  const ctx = await requirePage("oversight.read", "/overview");
  const { filters, query, charts, identities } = await loadPage(getOverviewPage(ctx, await searchParams));

  return (
    <section aria-labelledby="overview-heading" className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between">
        <h1 id="overview-heading" className="text-xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-600">Days are UTC. Every row links to the queue filtered to what it counts.</p>
      </header>
      <form className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">From</span>
          <input name="from" type="date" defaultValue={filters.from} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">To</span>
          <input name="to" type="date" defaultValue={filters.to} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">Process type</span>
          <select name="type" defaultValue={filters.type ?? ""} className={input}>
            <option value="">Any</option>
            {PROCESS_TYPES.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">Document type</span>
          <select name="doc" defaultValue={filters.doc ?? ""} className={input}>
            <option value="">Any</option>
            {LISTED_DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">Issuing country</span>
          <input name="country" defaultValue={filters.country ?? ""} placeholder="PRT" maxLength={3} className={`${input} w-20 uppercase`} />
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">Show</button>
        <Link href="/overview" className="px-2 py-1.5 text-sky-800 underline">Last 30 days</Link>
      </form>
      <section aria-labelledby="identities-heading" className="flex flex-wrap items-baseline gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <h2 id="identities-heading" className="font-semibold">Linked identities <span className="font-normal text-slate-500">(all time)</span></h2>
        <p>
          <strong>{identities.linked.toLocaleString("en-GB")}</strong> {identities.linked === 1 ? "dossier shares" : "dossiers share"} a document or a name and
          birth date with another dossier
        </p>
        <p>
          <strong>{identities.repeatedAttempts.toLocaleString("en-GB")}</strong> with repeated attempts (three or more rejected or failed in 30 days)
        </p>
        <Link href="/processes?linked=true" className="text-sky-800 underline">Open them in the queue</Link>
      </section>
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        {charts.map((chart) => (
          <article key={chart.id} aria-labelledby={`${chart.id}-title`} data-chart={chart.id} className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4">
            <header className="flex items-baseline justify-between gap-3">
              <h2 id={`${chart.id}-title`} className="font-semibold">{chart.title}</h2>
              <a
                href={`/api/overview/export?${new URLSearchParams(query)}&chart=${chart.id}`}
                className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100"
                download
              >
                Export CSV
              </a>
            </header>
            <p className="text-xs text-slate-600">{chart.description}</p>
            {chart.rows.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{chart.empty}</p>
            ) : (
              <>
                <div className="h-[260px] overflow-x-auto">
                  <OverviewChartView chart={chart} />
                </div>
                <details>
                  <summary className="cursor-pointer text-sm text-sky-800">Table</summary>
                  <ChartTable chart={chart} />
                </details>
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
