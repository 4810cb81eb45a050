import type { TableResult } from "@/components/data-table-result";
import { getMessages, getTranslations } from "next-intl/server";
import { formatCount } from "@/components/labels";
import { getFormatLocale } from "@/i18n/format-locale";
import { ListResults } from "@/components/list-kit/list-results";
import { describeDossierFilters } from "@/lib/dossiers/dossier-list-query";
import type { DossierPage } from "@/lib/dossiers/list-dossiers";
import { describeLookup, parseLookup } from "@/lib/processes/parse-lookup";
import { fillMessage } from "@/components/fill-message";
import { sayFilter, sayLookup, sayLookupProblem } from "@/components/list-kit/filter-words";
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
  const [read, counted, t, locale, messages] = await Promise.all([page, count, getTranslations("Dossiers"), getFormatLocale(), getMessages()]);
  const words = messages.Filters;
  const reading = parseLookup(params.q, params.by);
  // A look-up the server refused is said in the page's language (the API answers it in English).
  const result = !read.ok && !reading.ok && read.message === reading.message ? { ok: false as const, message: sayLookupProblem(reading.problem, words) } : read;
  const asked = [
    ...(reading.ok && reading.lookup ? [fillMessage(words.lookup.inAProcess, { lookup: sayLookup(describeLookup(reading.lookup), words, locale) })] : []),
    ...describeDossierFilters({ from: params.from, to: params.to }).map((phrase) => sayFilter(phrase, words, messages.Labels, locale)),
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
      {result.ok && <DossierTable items={result.value.items} messages={messages.DossierTable} />}
    </ListResults>
    </LiveList>
  );
}
