import { rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** What a column may tell the shared table about its layout. */
export interface DataTableColumnMeta {
  className?: string;
  /**
   * A fixed width in rem for a column whose content is known. A table with any fixed column lays out
   * fixed, a little denser: the others share what is left (never less than FLEXIBLE_MIN_REM each), and
   * every cell keeps to one line, cut with an ellipsis (its text in a tooltip).
   */
  widthRem?: number;
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
