import type { TableResult } from "@/components/data-table-result";
import type { ProcessPage } from "@/lib/processes/list-processes";
import { describeLookup, parseLookup } from "@/lib/processes/parse-lookup";
import { sayFilter, sayLookup, sayLookupProblem, type FilterWords } from "@/components/list-kit/filter-words";
import type { LabelMessages } from "@/components/labels";
import { describeProcessFilters } from "@/lib/processes/process-list-query";
import type { StatusCounts } from "@/lib/processes/status-counts-types";
import { serializeProcessSearchParams, toProcessFilters, type ProcessSearchParams } from "../search-params";
import { getMessages, getTranslations } from "next-intl/server";
import { formatCount } from "@/components/labels";
import { getFormatLocale } from "@/i18n/format-locale";
import { ListResults } from "@/components/list-kit/list-results";
import { LiveList } from "@/components/live/live-list";
import { liveWords } from "@/components/live/live-words";
import { processHref } from "@/components/process-href";
import { ProcessTable } from "./process-table";

interface ProcessResultsProps {
  params: ProcessSearchParams;
  page: Promise<TableResult<ProcessPage>>;
  counts: Promise<TableResult<StatusCounts>>;
  /** The view, sealed: each row's link carries it so that the process page can walk this list. */
  from: string | null;
}

const href = (params: ProcessSearchParams) => `/processes${serializeProcessSearchParams(params)}`;

/** What the view asks for, in the page's language. */
function whatIsAskedFor(params: ProcessSearchParams, words: FilterWords, labels: LabelMessages, locale: string): string[] {
  const reading = parseLookup(params.q, params.by);
  const lookup = reading.ok && reading.lookup ? [sayLookup(describeLookup(reading.lookup), words, locale)] : [];
  return [...lookup, ...describeProcessFilters(toProcessFilters(params)).map((phrase) => sayFilter(phrase, words, labels, locale))];
}

/** A look-up the server refused is said in the page's language (the API answers it in English). */
function inPageLanguage<T>(result: TableResult<T>, params: ProcessSearchParams, words: FilterWords): TableResult<T> {
  const reading = parseLookup(params.q, params.by);
  return !result.ok && !reading.ok && result.message === reading.message ? { ok: false, message: sayLookupProblem(reading.problem, words) } : result;
}

/** The rows of one view, or why there are none: no match, past the end, or a view that is not valid. */
export async function ProcessResults({ params, page, counts, from }: ProcessResultsProps) {
  const [read, countResult, t, messages, locale] = await Promise.all([page, counts, getTranslations("Queue"), getMessages(), getFormatLocale()]);
  const result = inPageLanguage(read, params, messages.Filters);
  const rowIds = result.ok ? result.value.items.map((item) => item.processId) : [];
  return (
    <LiveList rowsAre="processes" rowIds={rowIds} presenceFor={rowIds} words={liveWords(messages)}>
    <ListResults
      result={result}
      href={(patch) => href({ ...params, ...patch })}
      clearFiltersHref={href({ ...params, q: "", by: "auto", assigned: null, status: [], type: null, doc: null, country: null, dates: "updated", from: null, to: null, cursor: null })}
      cursor={params.cursor}
      size={params.size}
      asked={whatIsAskedFor(params, messages.Filters, messages.Labels, locale)}
      plural={t("plural")}
      singular={t("singular")}
      nothingYet={t("nothingYet")}
      total={countResult.ok ? formatCount(countResult.value.total, locale) : null}
    >
      {result.ok && (
        <ProcessTable
          items={result.value.items.map((item) => ({ ...item, href: processHref(item.dossierId, item.processId, from) }))}
          messages={{ queue: messages.Queue, labels: messages.Labels }}
        />
      )}
    </ListResults>
    </LiveList>
  );
}
