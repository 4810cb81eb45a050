"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import type { DataTableFeatures } from "@/components/data-table-features";
import { formatName } from "@/components/format";
import { labelOf, type LabelMessages, type Messages } from "@/components/labels";
import { ListTable } from "@/components/list-kit/list-table";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import type { ProcessListItem } from "@/lib/processes/list-processes";
import { DecisionCell } from "./decision-cell";
import { RowPresence, useChangedRows } from "@/components/live/live-list";
import { processSearchParams } from "../search-params";

/** A row with its link, which carries the queue's view (components/process-href.ts). */
export type ProcessRow = ProcessListItem & { href: string };

const helper = createColumnHelper<DataTableFeatures, ProcessRow>();

/** The queue's words, from the server (this code carries no message formatter). */
export interface ProcessTableMessages {
  queue: Messages["Queue"];
  labels: LabelMessages;
}

/** Memoized by the caller: TanStack Table rebuilds its models whenever the columns change identity. */
function queueColumns({ queue, labels }: ProcessTableMessages) {
  const words = queue.columns;
  return helper.columns([
    helper.accessor("status", {
      header: words.status,
      enableSorting: false,
      meta: { widthRem: 7 },
      cell: (info) => <StatusBadge status={info.getValue()} />,
    }),
    helper.accessor((row) => formatName(row.firstName, row.lastName), {
      id: "name",
      header: words.name,
      enableSorting: false,
      meta: { primary: true },
      cell: (info) => (
        <>
          <Link href={info.row.original.href} className="font-medium text-slate-900 underline-offset-2 hover:underline">
            {info.getValue() ?? <span className="font-normal text-slate-600 italic">{queue.notExtracted}</span>}
          </Link>
          {info.row.original.linked && (
            <span className="ml-1.5 rounded bg-violet-100 px-1 py-0.5 text-[0.65rem] font-medium text-violet-900 uppercase" title={queue.linkedTitle}>
              {queue.linked}
            </span>
          )}
        </>
      ),
    }),
    helper.accessor("processType", {
      header: words.type,
      enableSorting: false,
      meta: { widthRem: 6.5 },
      cell: (info) => {
        const type = info.getValue();
        return <span title={labelOf(labels.processType, type) ?? undefined}>{labelOf(labels.processTypeShort, type) ?? "—"}</span>;
      },
    }),
    helper.accessor("documentType", {
      header: words.document,
      enableSorting: false,
      meta: { widthRem: 8.25 },
      cell: (info) => labelOf(labels.documentType, info.getValue()) ?? "—",
    }),
    helper.accessor("documentNumber", {
      header: words.documentNumber,
      enableSorting: false,
      meta: { className: "font-mono text-xs", widthRem: 6 },
      cell: (info) => info.getValue() ?? "—",
    }),
    helper.accessor("issuingCountry", { header: words.country, enableSorting: false, meta: { widthRem: 5.5 }, cell: (info) => info.getValue() ?? "—" }),
    helper.accessor("createdAt", {
      id: "created",
      header: words.created,
      sortDescFirst: true,
      // The day is enough to sort by here; the exact time is in the tooltip.
      meta: { className: "tabular-nums", widthRem: 6.5 },
      cell: (info) => <LocalTime at={info.getValue()} format="date" />,
    }),
    helper.accessor("updatedAt", {
      id: "updated",
      header: words.updated,
      sortDescFirst: true,
      meta: { className: "tabular-nums", widthRem: 8.5 },
      cell: (info) => <LocalTime at={info.getValue()} format="relative" />,
    }),
    helper.accessor("assignee", {
      header: words.assignee,
      enableSorting: false,
      meta: { widthRem: 6 },
      cell: (info) => (
        <>
          {info.getValue() ?? <span className="text-slate-500">—</span>}
          <RowPresence processId={info.row.original.processId} />
        </>
      ),
    }),
    helper.accessor("decision", {
      header: words.decision,
      enableSorting: false,
      meta: { widthRem: 6.5 },
      cell: (info) => <DecisionCell decision={info.getValue()} words={labels.decision} />,
    }),
    helper.accessor("processId", {
      header: words.process,
      enableSorting: false,
      meta: { className: "font-mono text-xs text-slate-600", widthRem: 5.5 },
      cell: (info) => <span title={info.getValue()}>{info.getValue().slice(0, 8)}</span>,
    }),
  ]);
}

const getRowId = (row: ProcessRow) => row.processId;
const getRowHref = (row: ProcessRow) => row.href;

interface ProcessTableProps {
  items: ProcessRow[];
  messages: ProcessTableMessages;
}

export function ProcessTable({ items, messages }: ProcessTableProps) {
  const changed = useChangedRows();
  // The props keep their identity between client renders (presence, live marks); a server render brings new ones.
  const columns = useMemo(() => queueColumns(messages), [messages]);
  return (
    <ListTable
      parsers={processSearchParams}
      columns={columns}
      data={items}
      getRowId={getRowId}
      getRowHref={getRowHref}
      markedRowIds={changed}
      caption={messages.queue.caption}
    />
  );
}
