"use client";

import type { ColumnDef, RowData, SortingState } from "@tanstack/react-table";
import type { ParserMap } from "nuqs/server";
import { DataTable } from "@/components/data-table";
import { useChangedRowTitle } from "@/components/live/live-list";
import type { DataTableFeatures } from "@/components/data-table-features";
import { LOOKUP_INPUT_ID } from "./lookup-box";
import { useListSearchParams } from "./use-list-search-params";

/** A list's sort in the URL (`column.asc|desc`) as TanStack Table's sorting state. */
export function toSorting(sort: string): SortingState {
  const [id, direction] = sort.split(".") as [string, string];
  return [{ id, desc: direction === "desc" }];
}

/** The header the user clicked as the URL's sort value. */
export function toSort(sorting: SortingState): string | null {
  const [first] = sorting;
  return first ? `${first.id}.${first.desc ? "desc" : "asc"}` : null;
}

interface ListTableProps<TData extends RowData> {
  /** The list's URL parsers (its `search-params.ts`); the sort lives there. */
  parsers: ParserMap & { sort: unknown; cursor: unknown };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column has its own value type, as `helper.columns()` returns them
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  data: TData[];
  getRowId: (row: TData) => string;
  getRowHref: (row: TData) => string;
  caption: string;
  markedRowIds?: ReadonlySet<string>;
}

/** A list's page of rows: sorted by clicking a header, which changes the URL; `/` goes to the look-up box. */
export function ListTable<TData extends RowData>({ parsers, ...table }: ListTableProps<TData>) {
  const { params, setView } = useListSearchParams(parsers);
  const markedRowTitle = useChangedRowTitle();
  return (
    <DataTable
      {...table}
      markedRowTitle={markedRowTitle}
      sorting={toSorting(String(params.sort))}
      onSortingChange={(sorting) => {
        const sort = toSort(sorting);
        // The parsers accept only the list's own sorts; a column without a sort never reports one.
        if (sort) setView({ sort } as never);
      }}
      searchInputId={LOOKUP_INPUT_ID}
    />
  );
}
