import type { Metadata } from "next";
import Link from "next/link";
import { getMessages, getTranslations } from "next-intl/server";
import { getFormatLocale } from "@/i18n/format-locale";
import { getViewer } from "@/i18n/viewer";
import { PROCESS_TYPES } from "@/lib/assure/values";
import { LISTED_DOCUMENT_TYPES } from "@/lib/lists/list-values";
import { getOverviewPage } from "@/lib/overview/get-overview-page";
import { DEFAULT_RANGE_DAYS } from "@/lib/overview/overview-filters";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { ChartTable } from "./_components/chart-table";
import { OverviewChartView } from "./_components/overview-chart";
import { OverviewDays } from "./_components/overview-days";
import { chartInLanguage } from "./_components/chart-words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Overview"))("title") };
}

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const input = "rounded-md border border-slate-300 px-2 py-1.5";
const caption = "text-xs font-medium text-slate-700";

export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  const ctx = await requirePage("oversight.read", "/overview");
  // The range's days are the viewer's, in their time zone, as the queue's are.
  const { timeZone } = await getViewer();
  const { filters, query, charts, identities } = await loadPage(getOverviewPage(ctx, await searchParams, timeZone));
  const [t, tc, messages, locale] = await Promise.all([getTranslations("Overview"), getTranslations("Charts"), getMessages(), getFormatLocale()]);
  const labels = messages.Labels;
  const shown = charts.map((chart) => chartInLanguage(chart, (key, values) => tc(key as Parameters<typeof tc>[0], values as never), locale));
  const noneGiven = tc("noneGiven");

  return (
    <section aria-labelledby="overview-heading" className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between">
        <h1 id="overview-heading" className="text-xl font-semibold">{t("heading")}</h1>
        <p className="text-sm text-slate-600">{t("zoneNote", { zone: timeZone })}</p>
      </header>
      <form className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className={`${caption} mb-1`}>{t("dateRange")}</legend>
          <OverviewDays from={filters.from} to={filters.to} words={messages.Lists} />
        </fieldset>
        <label className="flex flex-col gap-1">
          <span className={caption}>{t("processType")}</span>
          <select name="type" defaultValue={filters.type ?? ""} className={input}>
            <option value="">{t("any")}</option>
            {PROCESS_TYPES.map((type) => (
              <option key={type} value={type}>{labels.processType[type]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={caption}>{t("documentType")}</span>
          <select name="doc" defaultValue={filters.doc ?? ""} className={input}>
            <option value="">{t("any")}</option>
            {LISTED_DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>{labels.documentType[type]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={caption}>{t("country")}</span>
          <input name="country" defaultValue={filters.country ?? ""} placeholder={t("countryPlaceholder")} maxLength={3} className={`${input} w-24 uppercase`} />
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">{t("show")}</button>
        <Link href="/overview" className="px-2 py-1.5 text-sky-800 underline">{t("lastDays", { days: DEFAULT_RANGE_DAYS })}</Link>
      </form>
      <section aria-labelledby="identities-heading" className="flex flex-wrap items-baseline gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <h2 id="identities-heading" className="font-semibold">
          {t("identities")} <span className="font-normal text-slate-500">{t("allTime")}</span>
        </h2>
        <p>{t.rich("linked", { count: identities.linked, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p>{t.rich("repeated", { count: identities.repeatedAttempts, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <Link href="/processes?linked=true" className="text-sky-800 underline">{t("openInQueue")}</Link>
      </section>
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        {shown.map(({ chart, title, description, empty }) => (
          <article key={chart.id} aria-labelledby={`${chart.id}-title`} data-chart={chart.id} className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4">
            <header className="flex items-baseline justify-between gap-3">
              <h2 id={`${chart.id}-title`} className="font-semibold">{title}</h2>
              <a
                href={`/api/overview/export?${new URLSearchParams(query)}&chart=${chart.id}`}
                title={t("exportTitle")}
                className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100"
                download
              >
                {t("exportCsv")}
              </a>
            </header>
            <p className="text-xs text-slate-600">{description}</p>
            {chart.rows.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{empty}</p>
            ) : (
              <>
                <div className="h-[260px] overflow-x-auto">
                  <OverviewChartView chart={chart} title={title} noneGiven={noneGiven} />
                </div>
                <details>
                  <summary className="cursor-pointer text-sm text-sky-800">{t("table")}</summary>
                  <ChartTable chart={chart} title={title} />
                </details>
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
