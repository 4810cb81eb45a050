import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import { ListControls } from "@/components/list-kit/list-controls";
import { Suspense } from "react";
import { settleTableQuery } from "@/components/data-table-result";
import { IgnoredParamsNote } from "@/components/ignored-params-note";
import { ExportCsvLink } from "@/components/list-kit/export-csv-link";
import { TableSkeleton } from "@/components/table-skeleton";
import { SavedViewsControls } from "../_saved-views/saved-views-controls";
import { requirePage } from "@/lib/server/session";
import { getDossierListPage } from "@/lib/dossiers/get-dossier-list-page";
import { getViewer } from "@/i18n/viewer";
import { loadPage } from "@/lib/server/load-page";
import { DossierFilters } from "./_components/dossier-filters";
import { DossierResults } from "./_components/dossier-results";
import { findIgnoredDossierParams, loadDossierSearchParams, serializeDossierSearchParams, toListDossiersInput } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Dossiers"))("title") };
}

interface DossiersPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DossiersPage({ searchParams }: DossiersPageProps) {
  const raw = await searchParams;
  const params = loadDossierSearchParams(raw);
  const ctx = await requirePage("processes.read", "/dossiers");
  const input = toListDossiersInput(params);
  // Date filters are days where the viewer is.
  const { timeZone } = await getViewer();
  const model = await loadPage(getDossierListPage(ctx, { ...input, filters: { ...input.filters, tz: timeZone } }));
  const page = settleTableQuery(model.page);
  const count = settleTableQuery(model.count);
  const savedViewQuery = serializeDossierSearchParams({ ...params, size: null, cursor: null }).replace(/^\?/, "");
  const [t, messages] = await Promise.all([getTranslations("Dossiers"), getMessages()]);

  return (
    <section aria-labelledby="dossiers-heading" className="flex flex-col gap-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="dossiers-heading" className="text-xl font-semibold">{t("heading")}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-600">{t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</p>
          <Suspense fallback={null}>
            <SavedViewsControls list="dossiers" query={savedViewQuery} views={model.views} />
          </Suspense>
          {model.canExport && <ExportCsvLink href={`/api/exports/dossiers${serializeDossierSearchParams({ ...params, size: null, cursor: null })}`} singular={t("singular")} />}
        </div>
      </header>
      <IgnoredParamsNote ignored={findIgnoredDossierParams(raw)} cleanHref={`/dossiers${serializeDossierSearchParams(params)}`} />
      <ListControls>
        <DossierFilters messages={{ lists: messages.Lists, labels: messages.Labels, filters: { lookup: messages.Filters.lookup, problems: messages.Filters.problems }, dossiers: messages.Dossiers.filters }} />
        <Suspense key={serializeDossierSearchParams(params)} fallback={<TableSkeleton rows={Math.min(params.size, 15)} columns={6} label={t("loading")} />}>
          <DossierResults params={params} page={page} count={count} />
        </Suspense>
      </ListControls>
    </section>
  );
}
