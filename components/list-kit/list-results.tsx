import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTablePager } from "@/components/data-table-pager";
import type { TableResult } from "@/components/data-table-result";
import { PAGE_SIZES, type PageSize } from "@/lib/lists/list-values";

interface ListResultsProps {
  /** The page as read, or why the view cannot be shown. */
  result: TableResult<{ items: unknown[]; nextCursor: string | null; prevCursor: string | null }>;
  /** The list's URL for the same view with other values: `href({ cursor })`, `href({ size, cursor: null })`. */
  href: (patch: { cursor?: string | null; size?: PageSize }) => string;
  /** The view without any filter (same sort and size). */
  clearFiltersHref: string;
  cursor: string | null;
  size: number;
  /** What the view asks for, as words ("status is failed"). */
  asked: string[];
  /** "processes" or "dossiers"; "No process matches" takes the singular. */
  plural: string;
  singular: string;
  /** The empty list without any filter. */
  nothingYet: string;
  /** "1,234" in this view, or null while the count is not known. */
  total: string | null;
  /** The table of the page's rows. */
  children: ReactNode;
}

const panel = "rounded-md border p-6 text-center";

/** The rows of one view, or why there are none (no match, past the end, a view that is not valid), and the pager. */
export async function ListResults({ result, href, clearFiltersHref, cursor, size, asked, plural, singular, nothingYet, total, children }: ListResultsProps) {
  const t = await getTranslations("Lists");
  const firstPage = href({ cursor: null });
  if (!result.ok) {
    return (
      <div role="alert" className={`${panel} border-red-300 bg-red-50 text-red-900`}>
        <p className="font-semibold">{t("cannotShow")}</p>
        <p className="mt-1 text-sm">{result.message}</p>
        <p className="mt-3 flex justify-center gap-4 text-sm underline">
          {cursor && <Link href={firstPage}>{t("firstPage")}</Link>}
          <Link href={clearFiltersHref}>{t("clearAllFilters")}</Link>
        </p>
      </div>
    );
  }
  const { items, nextCursor, prevCursor } = result.value;
  if (items.length === 0) {
    return (
      <div className={`${panel} border-dashed border-slate-300 bg-white text-slate-700`} data-testid="empty-state">
        {cursor ? (
          <p>{t("noneOnPage", { plural })} <Link className="underline" href={firstPage}>{t("firstPage")}</Link></p>
        ) : asked.length > 0 ? (
          <>
            <p>{t("noMatch", { singular, asked: asked.join("; ") })}</p>
            <p className="mt-2"><Link className="underline" href={clearFiltersHref}>{t("clearAllFilters")}</Link></p>
          </>
        ) : (
          <p>{nothingYet}</p>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {asked.length > 0 && <p className="text-sm text-slate-700">{t("showing", { plural, asked: asked.join("; ") })}</p>}
      {children}
      <DataTablePager
        summary={`${t("onThisPage", { count: items.length })}${total === null ? "" : t("inThisView", { count: total })}`}
        firstHref={cursor ? firstPage : null}
        prevHref={prevCursor ? href({ cursor: prevCursor }) : null}
        nextHref={nextCursor ? href({ cursor: nextCursor }) : null}
        pageSize={size}
        sizeHrefs={PAGE_SIZES.map((s) => ({ size: s, href: href({ size: s, cursor: null }) }))}
      />
    </div>
  );
}
