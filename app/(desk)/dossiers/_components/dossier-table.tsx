"use client";

import { LocalTime } from "@/components/local-time";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "@/components/data-table-features";
import { formatName } from "@/components/format";
import { ListTable } from "@/components/list-kit/list-table";
import { dossierHref } from "@/components/process-href";
import { StatusBadge } from "@/components/status-badge";
import type { DossierListItem } from "@/lib/dossiers/list-dossiers";
import { dossierSearchParams } from "../search-params";
import { useChangedRows } from "@/components/live/live-list";

const helper = createColumnHelper<DataTableFeatures, DossierListItem>();

const columns = helper.columns([
  helper.accessor("dossierId", {
    header: "Dossier",
    enableSorting: false,
    meta: { primary: true, className: "font-mono text-xs" },
    cell: (info) => (
      <>
        <Link href={dossierHref(info.getValue())} className="underline-offset-2 hover:underline" title={info.getValue()}>
          {info.getValue().slice(0, 8)}
        </Link>
        {info.row.original.goneAt && <span className="ml-2 font-sans text-slate-600">(deleted at Assure)</span>}
      </>
    ),
  }),
  helper.accessor((row) => formatName(row.firstName, row.lastName), {
    id: "name",
    header: "Person",
    enableSorting: false,
    cell: (info) => info.getValue() ?? <span className="text-slate-600 italic">not extracted</span>,
  }),
  helper.accessor("latestStatus", {
    header: "Latest process",
    enableSorting: false,
    cell: (info) => {
      const status = info.getValue();
      return status ? <StatusBadge status={status} /> : "—";
    },
  }),
  helper.accessor("processCount", { header: "Processes", enableSorting: false, meta: { className: "tabular-nums" } }),
  helper.accessor("lastActivityAt", {
    id: "activity",
    header: "Last activity",
    sortDescFirst: true,
    meta: { className: "whitespace-nowrap" },
    cell: (info) => <LocalTime at={info.getValue()} />,
  }),
  helper.accessor("firstSeenAt", {
    id: "first-seen",
    header: "First seen by the desk",
    sortDescFirst: true,
    meta: { className: "whitespace-nowrap" },
    cell: (info) => <LocalTime at={info.getValue()} />,
  }),
]);

const getRowId = (row: DossierListItem) => row.dossierId;
const getRowHref = (row: DossierListItem) => dossierHref(row.dossierId);

export function DossierTable({ items }: { items: DossierListItem[] }) {
  const changed = useChangedRows();
  return <ListTable parsers={dossierSearchParams} columns={columns} data={items} getRowId={getRowId} getRowHref={getRowHref} markedRowIds={changed} caption="Dossiers; j and k move between rows, Enter opens one" />;
}
