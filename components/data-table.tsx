"use client";

import { useTable, type ColumnDef, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useCallback, useRef, type CSSProperties, type ReactNode } from "react";
import { dataTableFeatures, type DataTableFeatures } from "./data-table-features";
import { useTableKeyboard } from "./data-table-keyboard";

interface DataTableProps<TData extends RowData> {
  /** Defined at module scope by the caller: TanStack Table rebuilds its models when they change. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column has its own value type, as `helper.columns()` returns them
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  data: TData[];
  getRowId: (row: TData) => string;
  getRowHref: (row: TData) => string;
  /** What the table lists, for screen readers. */
  caption: string;
  /** Controlled by the URL: the table only reports which header was clicked. */
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  searchInputId?: string;
  /** Rows that changed since the page loaded: marked, never moved (components/live/live-list.tsx). */
  markedRowIds?: ReadonlySet<string>;
  /** What a marked row's tooltip says. */
  markedRowTitle?: string;
}

/** The first cell stays in view while the row scrolls sideways; it paints the row's own background over what passes under it. */
const STICKY_FIRST_CELL =
  "first:sticky first:left-0 first:z-10 first:bg-white group-hover:first:bg-slate-50 group-data-[active=true]:first:bg-sky-50 group-data-[changed]:first:shadow-[inset_3px_0_0_var(--color-sky-400)]";
/** The least a column without a fixed width keeps (a name, a reason): below it the table scrolls in its card instead. */
const FLEXIBLE_MIN_REM = 12;

/** A fixed table's least width: its fixed columns plus room for each flexible one; null when no column is fixed. */
export function fixedTableMinRem(widths: readonly (number | undefined)[]): number | null {
  if (!widths.some((width) => width !== undefined)) return null;
  return widths.reduce<number>((sum, width) => sum + (width ?? FLEXIBLE_MIN_REM), 0);
}

/** Compact density (the user's choice, `data-density` on <html>): one line per row, the rest in the cell's title. */
const COMPACT_CELL = "compact:max-w-[24rem] compact:truncate compact:py-1 compact:whitespace-nowrap";

const widthStyle = (rem: number | undefined) => (rem === undefined ? undefined : { width: `${rem}rem` });

function SortMark({ direction }: { direction: false | "asc" | "desc" }) {
  if (!direction) return <span aria-hidden className="text-slate-500">↕</span>;
  return <span aria-hidden>{direction === "asc" ? "↑" : "↓"}</span>;
}

/**
 * The desk's list table in server mode: rows arrive sorted, filtered and paged by SQL
 * (`manualSorting`), the sort state lives in the URL, and `j`/`k`/Enter/`/` work as in a mail client.
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>): ReactNode {
  const { columns, data, getRowId, getRowHref, caption, sorting, onSortingChange, searchInputId, markedRowIds, markedRowTitle } = props;
  const router = useRouter();
  const body = useRef<HTMLTableSectionElement>(null);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;
  const leafHeaders = table.getHeaderGroups().at(-1)?.headers ?? [];
  const minRem = fixedTableMinRem(leafHeaders.map((header) => header.column.columnDef.meta?.widthRem));
  const fixed = minRem !== null;

  const open = useCallback((index: number) => {
    const row = rows[index];
    if (row) router.push(getRowHref(row.original));
  }, [getRowHref, router, rows]);
  const { active, setActive } = useTableKeyboard({ body, rowCount: rows.length, onOpen: open, searchInputId });

  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      {/*
        Fixed: from a 1,440 px screen on it fits beside the side bar (the name gets what the other columns leave);
        narrower, it keeps its columns' widths plus room for each flexible one (a 1,280 px laptop scrolls the queue
        a little rather than squeezing the name to nothing), scrolling inside this card, not the page, with the
        first column held in view. A scrolling table rather than cards on a phone: the same headers to sort by,
        the same j/k keys and the same column names for screen readers, and no second rendering of each row.
      */}
      <table
        className={`w-full text-left ${fixed ? "min-w-(--table-min) table-fixed text-[13px] min-[90rem]:min-w-[60rem]" : "text-sm"}`}
        style={minRem === null ? undefined : ({ "--table-min": `${minRem}rem` } as CSSProperties)}
      >
        <caption className="sr-only">{caption}</caption>
        {fixed && (
          <colgroup>
            {leafHeaders.map((header) => (
              <col key={header.id} style={widthStyle(header.column.columnDef.meta?.widthRem)} />
            ))}
          </colgroup>
        )}
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    className={`py-2 whitespace-nowrap first:sticky first:left-0 first:z-10 first:bg-slate-50 compact:py-1 ${fixed ? "truncate px-2" : "px-3"}`}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      >
                        <table.FlexRender header={header} /> <SortMark direction={sorted} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={body} className="divide-y divide-slate-100">
          {rows.map((row, index) => (
            <tr
              key={row.id}
              data-active={index === active ? "true" : undefined}
              data-changed={markedRowIds?.has(row.id) ? "" : undefined}
              title={markedRowIds?.has(row.id) ? markedRowTitle : undefined}
              onFocus={() => setActive(index)}
              className="group hover:bg-slate-50 data-[changed]:shadow-[inset_3px_0_0_var(--color-sky-400)] data-[active=true]:bg-sky-50 data-[active=true]:outline-2 data-[active=true]:-outline-offset-2 data-[active=true]:outline-sky-600"
            >
              {row.getAllCells().map((cell) => {
                const value = cell.getValue();
                return (
                  <td
                    key={cell.id}
                    data-primary={cell.column.columnDef.meta?.primary ? "" : undefined}
                    title={typeof value === "string" ? value : undefined}
                    className={`py-2 ${STICKY_FIRST_CELL} ${COMPACT_CELL} ${fixed ? "truncate px-2" : "px-3"} ${cell.column.columnDef.meta?.className ?? ""}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
