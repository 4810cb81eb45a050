"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "@/components/data-table-features";
import { formatDateTime, formatDateTimeShort, formatName } from "@/components/format";
import { ListTable } from "@/components/list-kit/list-table";
import { StatusBadge } from "@/components/status-badge";
import type { ProcessListItem } from "@/lib/processes/list-processes";
import { DecisionCell } from "./decision-cell";
import { DOCUMENT_TYPE_LABELS, PROCESS_TYPE_LABELS, PROCESS_TYPE_SHORT_LABELS } from "@/components/labels";
import { RowPresence, useChangedRows } from "@/components/live/live-list";
import { processSearchParams } from "../search-params";

/** A row with its link, which carries the queue's view (components/process-href.ts). */
export type ProcessRow = ProcessListItem & { href: string };

const helper = createColumnHelper<DataTableFeatures, ProcessRow>();

/** Module scope: TanStack Table rebuilds its models whenever the columns change identity. */
const columns = helper.columns([
  helper.accessor("status", {
    header: "Status",
    enableSorting: false,
    meta: { width: "w-28" },
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  helper.accessor((row) => formatName(row.firstName, row.lastName), {
    id: "name",
    header: "Name",
    enableSorting: false,
    meta: { primary: true },
    cell: (info) => (
      <>
        <Link href={info.row.original.href} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {info.getValue() ?? <span className="font-normal text-slate-600 italic">not extracted</span>}
        </Link>
        {info.row.original.linked && (
          <span
            className="ml-1.5 rounded bg-violet-100 px-1 py-0.5 text-[0.65rem] font-medium text-violet-900 uppercase"
            title="Also seen in another dossier, or a dossier of repeated attempts"
          >
            Linked
          </span>
        )}
      </>
    ),
  }),
  helper.accessor("processType", {
    header: "Type",
    enableSorting: false,
    meta: { width: "w-26" },
    cell: (info) => {
      const type = info.getValue() ?? "";
      return <span title={PROCESS_TYPE_LABELS[type] ?? type}>{PROCESS_TYPE_SHORT_LABELS[type] ?? (type || "—")}</span>;
    },
  }),
  helper.accessor("documentType", {
    header: "Document",
    enableSorting: false,
    meta: { width: "w-33" },
    cell: (info) => DOCUMENT_TYPE_LABELS[info.getValue() ?? ""] ?? info.getValue() ?? "—",
  }),
  helper.accessor("documentNumber", {
    header: "Doc. no.",
    enableSorting: false,
    meta: { className: "font-mono text-xs", width: "w-24" },
    cell: (info) => info.getValue() ?? "—",
  }),
  helper.accessor("issuingCountry", { header: "Country", enableSorting: false, meta: { width: "w-22" }, cell: (info) => info.getValue() ?? "—" }),
  helper.accessor("createdAt", {
    id: "created",
    header: "Created",
    sortDescFirst: true,
    // The day is enough to sort by here; the time is in the tooltip.
    meta: { className: "tabular-nums", width: "w-26" },
    cell: (info) => <span title={formatDateTime(info.getValue())}>{formatDateTimeShort(info.getValue()).slice(0, 10)}</span>,
  }),
  helper.accessor("updatedAt", {
    id: "updated",
    header: "Updated",
    sortDescFirst: true,
    meta: { className: "tabular-nums", width: "w-34" },
    cell: (info) => <span title={formatDateTime(info.getValue())}>{formatDateTimeShort(info.getValue())}</span>,
  }),
  helper.accessor("assignee", {
    header: "Assignee",
    enableSorting: false,
    meta: { width: "w-24" },
    cell: (info) => (
      <>
        {info.getValue() ?? <span className="text-slate-500">—</span>}
        <RowPresence processId={info.row.original.processId} />
      </>
    ),
  }),
  helper.accessor("decision", {
    header: "Decision",
    enableSorting: false,
    meta: { width: "w-26" },
    cell: (info) => <DecisionCell decision={info.getValue()} />,
  }),
  helper.accessor("processId", {
    header: "Process",
    enableSorting: false,
    meta: { className: "font-mono text-xs text-slate-600", width: "w-22" },
    cell: (info) => <span title={info.getValue()}>{info.getValue().slice(0, 8)}</span>,
  }),
]);

const getRowId = (row: ProcessRow) => row.processId;
const getRowHref = (row: ProcessRow) => row.href;

interface ProcessTableProps {
  items: ProcessRow[];
}

export function ProcessTable({ items }: ProcessTableProps) {
  const changed = useChangedRows();
  return (
    <ListTable
      parsers={processSearchParams}
      columns={columns}
      data={items}
      getRowId={getRowId}
      getRowHref={getRowHref}
      markedRowIds={changed}
      caption="Processes in the queue; j and k move between rows, Enter opens one"
    />
  );
}
