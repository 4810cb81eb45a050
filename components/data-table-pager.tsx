import Link from "next/link";

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
export function DataTablePager({ firstHref, prevHref, nextHref, pageSize, sizeHrefs, summary }: DataTablePagerProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600" aria-live="polite">{summary}</p>
      <div className="flex flex-wrap items-center gap-4">
        <nav aria-label="Rows per page" className="flex flex-wrap items-center gap-1">
          <span className="mr-1 text-slate-600">Rows per page</span>
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
        <nav aria-label="Pages" className="flex flex-wrap gap-2">
          {firstHref ? <Link href={firstHref} className={button}>First page</Link> : <span className={disabled}>First page</span>}
          {prevHref ? <Link href={prevHref} className={button}>Previous page</Link> : <span className={disabled}>Previous page</span>}
          {nextHref ? <Link href={nextHref} className={button}>Next page</Link> : <span className={disabled}>Next page</span>}
        </nav>
      </div>
    </div>
  );
}
