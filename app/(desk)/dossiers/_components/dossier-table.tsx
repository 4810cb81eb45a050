"use client";

import { LocalTime } from "@/components/local-time";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import type { DataTableFeatures } from "@/components/data-table-features";
import { formatName } from "@/components/format";
import type { Messages } from "@/components/labels";
import { ListTable } from "@/components/list-kit/list-table";
import { dossierHref } from "@/components/process-href";
import { StatusBadge } from "@/components/status-badge";
import { useTimeSettings } from "@/components/time-settings";
import type { DossierListItem } from "@/lib/dossiers/list-dossiers";
import { dossierSearchParams } from "../search-params";
import { useChangedRows } from "@/components/live/live-list";

const helper = createColumnHelper<DataTableFeatures, DossierListItem>();

/** The table's words, from the server (this code carries no message formatter). */
export type DossierTableMessages = Messages["DossierTable"];

/** Memoized by the caller: TanStack Table rebuilds its models whenever the columns change identity. */
function dossierColumns(words: DossierTableMessages, count: Intl.NumberFormat) {
  return helper.columns([
    helper.accessor("dossierId", {
      header: words.dossier,
      enableSorting: false,
      meta: { primary: true, className: "font-mono text-xs" },
      cell: (info) => (
        <>
          <Link href={dossierHref(info.getValue())} className="underline-offset-2 hover:underline" title={info.getValue()}>
            {info.getValue().slice(0, 8)}
          </Link>
          {info.row.original.goneAt && <span className="ml-2 font-sans text-slate-600">{words.gone}</span>}
        </>
      ),
    }),
    helper.accessor((row) => formatName(row.firstName, row.lastName), {
      id: "name",
      header: words.person,
      enableSorting: false,
      cell: (info) => info.getValue() ?? <span className="text-slate-600 italic">{words.notExtracted}</span>,
    }),
    helper.accessor("latestStatus", {
      header: words.latest,
      enableSorting: false,
      cell: (info) => {
        const status = info.getValue();
        return status ? <StatusBadge status={status} /> : "—";
      },
    }),
    helper.accessor("processCount", {
      header: words.processes,
      enableSorting: false,
      meta: { className: "tabular-nums" },
      cell: (info) => count.format(info.getValue()),
    }),
    helper.accessor("lastActivityAt", {
      id: "activity",
      header: words.activity,
      sortDescFirst: true,
      meta: { className: "whitespace-nowrap" },
      cell: (info) => <LocalTime at={info.getValue()} />,
    }),
    helper.accessor("firstSeenAt", {
      id: "first-seen",
      header: words.firstSeen,
      sortDescFirst: true,
      meta: { className: "whitespace-nowrap" },
      cell: (info) => <LocalTime at={info.getValue()} />,
    }),
  ]);
}

const getRowId = (row: DossierListItem) => row.dossierId;
const getRowHref = (row: DossierListItem) => dossierHref(row.dossierId);

export function DossierTable({ items, messages }: { items: DossierListItem[]; messages: DossierTableMessages }) {
  const changed = useChangedRows();
  const { locale } = useTimeSettings();
  // The props keep their identity between client renders (live marks); a server render brings new ones.
  const columns = useMemo(() => dossierColumns(messages, new Intl.NumberFormat(locale)), [messages, locale]);
  return <ListTable parsers={dossierSearchParams} columns={columns} data={items} getRowId={getRowId} getRowHref={getRowHref} markedRowIds={changed} caption={messages.caption} />;
}
