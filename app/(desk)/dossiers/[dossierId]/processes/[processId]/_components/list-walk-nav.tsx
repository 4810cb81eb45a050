import Link from "next/link";
import { processHref } from "@/components/process-href";
import type { ProcessWalk } from "@/lib/processes/get-process-page";
import { processListHref } from "@/app/(desk)/processes/search-params";
import { ProcessKeys } from "./process-keys";

interface ListWalkNavProps {
  walk: ProcessWalk | null;
  /** The role reviews (the `a` and `d` keys). */
  reviews: boolean;
  /** The full result has pictures to compare (the `c` key). */
  compare: boolean;
}

const linkClass = "rounded px-1 underline underline-offset-2 hover:text-slate-900";

/** "‹ Previous · Next ›" through the list the page was opened from, and the page's keys. */
export function ListWalkNav({ walk, reviews, compare }: ListWalkNavProps) {
  const href = (link: { dossierId: string; processId: string } | null) => link && walk && processHref(link.dossierId, link.processId, walk.from);
  const previousHref = href(walk?.previous ?? null);
  const nextHref = href(walk?.next ?? null);
  return (
    <nav aria-label="Process keys and list" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      {walk && (
        <>
          <Link href={processListHref(walk.view)} className={linkClass}>Back to the list</Link>
          <span aria-hidden="true">·</span>
          {previousHref ? <Link href={previousHref} rel="prev" data-shortcut="previous" className={linkClass}>‹ Previous</Link> : <span>First in the list</span>}
          <span aria-hidden="true">·</span>
          {nextHref ? <Link href={nextHref} rel="next" data-shortcut="next" className={linkClass}>Next ›</Link> : <span>Last in the list</span>}
        </>
      )}
      <span className="text-xs">
        Keys: {walk && <><kbd>j</kbd>/<kbd>k</kbd> next/previous · </>}
        {reviews && <><kbd>a</kbd> assign to me · <kbd>d</kbd> decide · </>}
        <kbd>?</kbd> all keys
      </span>
      <ProcessKeys walk={walk !== null} reviews={reviews} compare={compare} />
    </nav>
  );
}
