import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getProcessPage, ProcessPageParams } from "@/lib/processes/get-process-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { hasFaces, pickFaces } from "./_components/face-pair";
import { ListWalkNav } from "./_components/list-walk-nav";
import { ProcessView } from "./_components/process-view";
import { LinkedDossiers } from "@/components/linked-dossiers";
import { RetrySection } from "./_components/retry-section";
import { ReviewOutcomePanel } from "./_components/review-outcome-panel";
import { ReviewSection } from "./_components/review-section";
import { LiveProcess } from "@/components/live/live-process";

interface ProcessPageProps {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ProcessPageProps): Promise<Metadata> {
  const parsed = ProcessPageParams.safeParse(await params);
  const t = await getTranslations("Process");
  return { title: parsed.success ? t("titleOf", { id: parsed.data.processId.slice(0, 8) }) : t("title") };
}

export default async function ProcessPage({ params, searchParams }: ProcessPageProps) {
  const raw = await params;
  const { from } = await searchParams;
  const ctx = await requirePage("processes.read", `/dossiers/${encodeURIComponent(raw.dossierId ?? "")}/processes/${encodeURIComponent(raw.processId ?? "")}`);
  const { detail, result, review, outcome, retry, links, walk } = await loadPage(getProcessPage(ctx, { ...raw, from }));
  const { dossierId, processId } = detail;

  const reviewPanel = review ? (
    <ReviewSection dossierId={dossierId} processId={processId} review={review} />
  ) : (
    outcome && <ReviewOutcomePanel outcome={outcome} />
  );
  const retryPanel = retry && (
    <RetrySection dossierId={dossierId} processId={processId} failReason={detail.failReason} documentType={detail.documentType} retry={retry} />
  );

  const linked = <LinkedDossiers links={links} subject="process" />;
  return (
    <ProcessView
      detail={detail}
      result={result}
      nav={<ListWalkNav walk={walk} reviews={review !== null} faces={result?.state === "ready" && hasFaces(result) ? pickFaces(result.media) : null} />}
      live={<LiveProcess processId={processId} reviewing={review?.reviewable === true} />}
      // The verdict first (the status explanation, then the review decision): on a phone the panels stack in this order.
      actions={<>{reviewPanel}{retryPanel}{linked}</>}
    />
  );
}
