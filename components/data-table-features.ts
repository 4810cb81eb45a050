import { rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** What a column may tell the shared table about its layout. */
export interface DataTableColumnMeta {
  className?: string;
  /** The row's main link lives in this column: `j`/`k` focus it and Enter follows it. */
  primary?: boolean;
}

/**
 * The desk's tables are server-driven: sorting, filtering and paging happen in SQL, so only the
 * sorting feature is registered (to render and toggle sort state) and no client row models are.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: {} as DataTableColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
