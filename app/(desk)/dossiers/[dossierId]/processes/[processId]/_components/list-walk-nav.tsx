import Link from "next/link";
import { getMessages, getTranslations } from "next-intl/server";
import { inPageLanguage } from "@/components/image-words";
import { processHref } from "@/components/process-href";
import type { ProcessWalk } from "@/lib/processes/get-process-page";
import { processListHref } from "@/app/(desk)/processes/search-params";
import { FaceCompare } from "./face-compare";
import type { FacePair } from "./face-pair";
import { ProcessKeys } from "./process-keys";

interface ListWalkNavProps {
  walk: ProcessWalk | null;
  /** The role reviews (the `a` and `d` keys). */
  reviews: boolean;
  /** The faces to compare (the `c` key), when the full result has either. */
  faces: FacePair | null;
}

const linkClass = "rounded px-1 underline underline-offset-2 hover:text-slate-900";

/**
 * "‹ Previous · Next ›" through the list the page was opened from, Compare faces, and the page's keys. The
 * words are translated here and handed to the client components, which then carry no messages of their own.
 */
export async function ListWalkNav({ walk, reviews, faces }: ListWalkNavProps) {
  const [t, tf, messages] = await Promise.all([getTranslations("ProcessKeys"), getTranslations("FaceCompare"), getMessages()]);
  const imageWords = messages.ImageViewer;
  const href = (link: { dossierId: string; processId: string } | null) => link && walk && processHref(link.dossierId, link.processId, walk.from);
  const previousHref = href(walk?.previous ?? null);
  const nextHref = href(walk?.next ?? null);
  return (
    <nav aria-label={t("navLabel")} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      {walk && (
        <>
          <Link href={processListHref(walk.view)} className={linkClass}>{t("backToList")}</Link>
          <span aria-hidden="true">·</span>
          {previousHref ? <Link href={previousHref} rel="prev" data-shortcut="previous" className={linkClass}>{t("previous")}</Link> : <span>{t("first")}</span>}
          <span aria-hidden="true">·</span>
          {nextHref ? <Link href={nextHref} rel="next" data-shortcut="next" className={linkClass}>{t("next")}</Link> : <span>{t("last")}</span>}
        </>
      )}
      {faces && (
        <FaceCompare
          pair={{
            document: faces.document && inPageLanguage(faces.document, imageWords),
            person: faces.person && inPageLanguage(faces.person, imageWords),
          }}
          imageWords={imageWords}
          labels={{
            open: tf("open"), title: tf("title"), hint: tf("hint"), close: tf("close"), noDocument: tf("noDocument"),
            noPerson: tf("noPerson"), frontShown: tf("frontShown"), videoShown: tf("videoShown"),
          }}
        />
      )}
      <span className="text-xs">
        {t("keys")} {walk && <><kbd>j</kbd>/<kbd>k</kbd> {t("hintWalk")} · </>}
        {reviews && <><kbd>a</kbd> {t("hintAssign")} · <kbd>d</kbd> {t("hintDecide")} · </>}
        <kbd>?</kbd> {t("hintAll")}
      </span>
      <ProcessKeys
        walk={walk !== null}
        reviews={reviews}
        compare={faces !== null}
        labels={{
          title: t("dialogTitle"), note: t("dialogNote"), close: t("close"), or: t("or"),
          next: t("keyNext"), previous: t("keyPrevious"), assign: t("keyAssign"), decide: t("keyDecide"), compare: t("keyCompare"), help: t("keyHelp"),
        }}
      />
    </nav>
  );
}
