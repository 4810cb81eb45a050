import type { TableResult } from "@/components/data-table-result";
import type { ProcessPage } from "@/lib/processes/list-processes";
import { describeLookup, parseLookup } from "@/lib/processes/parse-lookup";
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

function whatIsAskedFor(params: ProcessSearchParams): string[] {
  const reading = parseLookup(params.q, params.by);
  const lookup = reading.ok && reading.lookup ? [describeLookup(reading.lookup)] : [];
  return [...lookup, ...describeProcessFilters(toProcessFilters(params))];
}

/** The rows of one view, or why there are none: no match, past the end, or a view that is not valid. */
export async function ProcessResults({ params, page, counts, from }: ProcessResultsProps) {
  const [result, countResult, t, messages, locale] = await Promise.all([page, counts, getTranslations("Queue"), getMessages(), getFormatLocale()]);
  const rowIds = result.ok ? result.value.items.map((item) => item.processId) : [];
  return (
    <LiveList rowsAre="processes" rowIds={rowIds} presenceFor={rowIds} words={liveWords(messages)}>
    <ListResults
      result={result}
      href={(patch) => href({ ...params, ...patch })}
      clearFiltersHref={href({ ...params, q: "", by: "auto", assigned: null, status: [], type: null, doc: null, country: null, dates: "updated", from: null, to: null, cursor: null })}
      cursor={params.cursor}
      size={params.size}
      asked={whatIsAskedFor(params)}
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
