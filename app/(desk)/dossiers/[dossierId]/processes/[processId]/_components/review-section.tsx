import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { ReviewModel } from "@/lib/processes/get-process-page";
import { ReviewPanel } from "./review-panel";

interface ReviewSectionProps {
  dossierId: string;
  processId: string;
  review: ReviewModel;
}

/** The review panel (compliance) with its words and each decision's line written here, in the viewer's language. */
export async function ReviewSection({ dossierId, processId, review }: ReviewSectionProps) {
  const [t, verdict] = await Promise.all([getTranslations("Review"), getTranslations("Labels.decision")]);
  const { assignment, decisions } = review.state;
  const isCategory = (category: string): category is keyof ReviewModel["reasons"] => Object.hasOwn(review.reasons, category);
  // A category the desk no longer lists keeps its code.
  const reasonOf = (category: string) => (isCategory(category) ? t(`reasons.${category}`) : category);
  const mine = assignment?.assigneeId === review.viewerId;
  return (
    <ReviewPanel
      dossierId={dossierId}
      processId={processId}
      reviewable={review.reviewable}
      canTake={review.canTake}
      assignee={assignment ? { id: assignment.assigneeId, isViewer: mine } : null}
      assigned={assignment ? (mine ? t("assignedToYou") : t("assignedTo", { name: assignment.assignee })) : t("unassigned")}
      decisions={decisions.map((d) => ({
        id: d.id,
        note: d.note,
        state: d.state,
        decidedByViewer: d.decidedById === review.viewerId,
        line: t.rich(d.confirmedBy && d.state === "final" ? "decisionLineConfirmed" : "decisionLine", {
          decision: verdict(d.decision),
          reason: reasonOf(d.reasonCategory),
          who: d.decidedBy,
          state: t(`state.${d.state}`),
          confirmer: d.confirmedBy ?? "",
          verdict: (chunks) => <strong className={d.decision === "approve" ? "text-emerald-800" : "text-red-800"}>{chunks}</strong>,
          time: () => <LocalTime at={d.decidedAt} />,
        }),
      }))}
      reasons={Object.keys(review.reasons).filter(isCategory).map((category) => [category, t(`reasons.${category}`)])}
      words={{
        heading: t("heading"),
        assignToMe: t("assignToMe"),
        unassign: t("unassign"),
        confirm: t("confirm"),
        sendBack: t("sendBack"),
        formLabel: t("formLabel"),
        decision: t("decision"),
        approve: t("approve"),
        reject: t("reject"),
        reason: t("reason"),
        chooseReason: t("chooseReason"),
        note: t("note"),
        record: t("record"),
        hint: `${review.fourEyes ? t("fourEyesHint") : t("finalHint")} ${t("statusStays")}`,
      }}
    />
  );
}
