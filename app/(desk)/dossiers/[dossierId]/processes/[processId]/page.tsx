import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getProcessPage, ProcessPageParams } from "@/lib/processes/get-process-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { hasFaces, pickFaces } from "./_components/face-pair";
import { ListWalkNav } from "./_components/list-walk-nav";
import { ProcessView } from "./_components/process-view";
import { LinkedDossiers } from "@/components/linked-dossiers";
import { RetryPanel } from "./_components/retry-panel";
import { ReviewOutcomePanel } from "./_components/review-outcome-panel";
import { ReviewPanel } from "./_components/review-panel";
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
    <ReviewPanel
      dossierId={dossierId}
      processId={processId}
      reviewable={review.reviewable}
      canTake={review.canTake}
      viewerId={review.viewerId}
      assignee={review.state.assignment ? { id: review.state.assignment.assigneeId, name: review.state.assignment.assignee } : null}
      decisions={review.state.decisions.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() }))}
      reasons={review.reasons}
      fourEyes={review.fourEyes}
    />
  ) : (
    outcome && <ReviewOutcomePanel outcome={outcome} />
  );
  const retryPanel = retry && (
    <RetryPanel
      dossierId={dossierId}
      processId={processId}
      failReason={detail.failReason}
      plan={{ ...retry.plan, request: retry.plan.request as unknown as Record<string, unknown> }}
      countryOfResidence={retry.countryOfResidence}
      documentType={detail.documentType}
      documentTypes={retry.documentTypes}
      retries={retry.retries}
      cap={retry.cap}
    />
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
