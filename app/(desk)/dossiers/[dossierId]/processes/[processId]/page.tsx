import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/config";
import { getProcessDetail } from "@/lib/processes/get-process-detail";
import { getResultView } from "@/lib/results/result-view";
import { listRetries } from "@/lib/retries/list-retries";
import { planRetry } from "@/lib/retries/retry-plan";
import { getReviewOutcome } from "@/lib/reviews/get-review-outcome";
import { getReviewState } from "@/lib/reviews/get-review-state";
import { REASON_CATEGORIES, REVIEWABLE_STATUSES, isOpenForDecision } from "@/lib/reviews/review-decisions";
import { getDocumentTypeChoices } from "@/lib/server/retry-deps";
import { requirePage } from "@/lib/server/session";
import { ProcessView } from "./_components/process-view";
import { RetryPanel } from "./_components/retry-panel";
import { ReviewOutcomePanel } from "./_components/review-outcome-panel";
import { ReviewPanel } from "./_components/review-panel";
import { ProcessPageParams } from "./params";

interface ProcessPageProps {
  params: Promise<Record<string, string>>;
}

export async function generateMetadata({ params }: ProcessPageProps): Promise<Metadata> {
  const parsed = ProcessPageParams.safeParse(await params);
  return { title: parsed.success ? `Process ${parsed.data.processId.slice(0, 8)}` : "Process" };
}

export default async function ProcessPage({ params }: ProcessPageProps) {
  const parsed = ProcessPageParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { dossierId, processId } = parsed.data;
  const ctx = await requirePage("processes.read", `/dossiers/${dossierId}/processes/${processId}`);
  const detail = await getProcessDetail(ctx.db, dossierId, processId);
  if (!detail) notFound();
  const role = ctx.user.role;
  const env = getEnv();

  // Full results (sub-breakdowns, images, raw files) only for the roles the matrix allows.
  const result = can(role, "results.read") ? await getResultView(ctx.db, processId) : null;

  const reviewState = can(role, "reviews.write") ? await getReviewState(ctx, processId) : null;
  // Roles that do not review see the outcome only: the officers' notes are never read for them.
  const outcome = !reviewState && can(role, "reviews.read") ? await getReviewOutcome(ctx, processId) : null;
  const review = reviewState ? (
    <ReviewPanel
      dossierId={dossierId}
      processId={processId}
      reviewable={(REVIEWABLE_STATUSES as readonly string[]).includes(detail.status)}
      canTake={isOpenForDecision(detail.status, reviewState.decisions.map((d) => d.state))}
      viewerId={ctx.user.id}
      assignee={reviewState.assignment ? { id: reviewState.assignment.assigneeId, name: reviewState.assignment.assignee } : null}
      decisions={reviewState.decisions.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() }))}
      reasons={REASON_CATEGORIES}
      fourEyes={env.FOUR_EYES === "1"}
    />
  ) : (
    outcome && <ReviewOutcomePanel outcome={outcome} />
  );

  let retry = null;
  if (can(role, "retries.write") && detail.status === "failed") {
    const [row, retries, documentTypes] = await Promise.all([
      ctx.db.query.processes.findFirst({ where: (p, { eq }) => eq(p.processId, processId) }),
      listRetries(ctx, processId),
      getDocumentTypeChoices(),
    ]);
    const plan = planRetry(row!);
    const location = (plan.request.processParameters?.location ?? {}) as { countryOfResidence?: string };
    retry = (
      <RetryPanel
        dossierId={dossierId}
        processId={processId}
        failReason={detail.failReason}
        plan={{ ...plan, request: plan.request as unknown as Record<string, unknown> }}
        countryOfResidence={location.countryOfResidence ?? null}
        documentType={detail.documentType}
        documentTypes={documentTypes}
        retries={retries}
        cap={env.RETRY_CAP}
      />
    );
  }

  return <ProcessView detail={detail} result={result} actions={(review || retry) && <>{review}{retry}</>} />;
}
