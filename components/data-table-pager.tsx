import Link from "next/link";
import { getTranslations } from "next-intl/server";

interface DataTablePagerProps {
  /** Present when the view is not on its first page. */
  firstHref: string | null;
  prevHref: string | null;
  nextHref: string | null;
  pageSize: number;
  /** The same view with another page size (and from its first page). */
  sizeHrefs: { size: number; href: string }[];
  summary: string;
}

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100";
const disabled = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-500";

/**
 * Keyset paging: first, previous and next, as plain links so that every page is a URL (shareable,
 * and working before the client code has loaded). There are no page numbers: a page is a position,
 * not an offset, which is what keeps page 10,000 as fast as page 1.
 */
export async function DataTablePager({ firstHref, prevHref, nextHref, pageSize, sizeHrefs, summary }: DataTablePagerProps) {
  const t = await getTranslations("Lists");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600" aria-live="polite">{summary}</p>
      <div className="flex flex-wrap items-center gap-4">
        <nav aria-label={t("rowsPerPage")} className="flex flex-wrap items-center gap-1">
          <span className="mr-1 text-slate-600">{t("rowsPerPage")}</span>
          {sizeHrefs.map(({ size, href }) => (
            <Link
              key={size}
              href={href}
              aria-current={size === pageSize ? "true" : undefined}
              className={`rounded px-2 py-1 ${size === pageSize ? "bg-slate-900 text-white" : "hover:bg-slate-200"}`}
            >
              {size}
            </Link>
          ))}
        </nav>
        <nav aria-label={t("pages")} className="flex flex-wrap gap-2">
          {firstHref ? <Link href={firstHref} className={button}>{t("pagerFirst")}</Link> : <span className={disabled}>{t("pagerFirst")}</span>}
          {prevHref ? <Link href={prevHref} className={button}>{t("pagerPrevious")}</Link> : <span className={disabled}>{t("pagerPrevious")}</span>}
          {nextHref ? <Link href={nextHref} className={button}>{t("pagerNext")}</Link> : <span className={disabled}>{t("pagerNext")}</span>}
        </nav>
      </div>
    </div>
  );
}
