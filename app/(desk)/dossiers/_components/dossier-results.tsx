import type { TableResult } from "@/components/data-table-result";
import { getMessages, getTranslations } from "next-intl/server";
import { formatCount } from "@/components/labels";
import { getFormatLocale } from "@/i18n/format-locale";
import { ListResults } from "@/components/list-kit/list-results";
import { describeDossierFilters } from "@/lib/dossiers/dossier-list-query";
import type { DossierPage } from "@/lib/dossiers/list-dossiers";
import { describeLookup, parseLookup } from "@/lib/processes/parse-lookup";
import type { StatusCount } from "@/lib/processes/status-counts-types";
import { serializeDossierSearchParams, type DossierSearchParams } from "../search-params";
import { LiveList } from "@/components/live/live-list";
import { liveWords } from "@/components/live/live-words";
import { DossierTable } from "./dossier-table";

interface DossierResultsProps {
  params: DossierSearchParams;
  page: Promise<TableResult<DossierPage>>;
  count: Promise<TableResult<StatusCount>>;
}

const href = (params: DossierSearchParams) => `/dossiers${serializeDossierSearchParams(params)}`;

export async function DossierResults({ params, page, count }: DossierResultsProps) {
  const [result, counted, t, locale, messages] = await Promise.all([page, count, getTranslations("Dossiers"), getFormatLocale(), getMessages()]);
  const reading = parseLookup(params.q, params.by);
  const asked = [
    ...(reading.ok && reading.lookup ? [`a process's ${describeLookup(reading.lookup)}`] : []),
    ...describeDossierFilters({ from: params.from, to: params.to }),
  ];
  const rowIds = result.ok ? result.value.items.map((item) => item.dossierId) : [];
  return (
    <LiveList rowsAre="dossiers" rowIds={rowIds} words={liveWords(messages)}>
    <ListResults
      result={result}
      href={(patch) => href({ ...params, ...patch })}
      clearFiltersHref={href({ ...params, q: "", by: "auto", from: null, to: null, cursor: null })}
      cursor={params.cursor}
      size={params.size}
      asked={asked}
      plural={t("plural")}
      singular={t("singular")}
      nothingYet={t("nothingYet")}
      total={counted.ok ? formatCount(counted.value, locale) : null}
    >
      {result.ok && <DossierTable items={result.value.items} />}
    </ListResults>
    </LiveList>
  );
}
