import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import type { ReviewOutcome } from "@/lib/reviews/get-review-outcome";
import type { Messages } from "@/components/labels";

interface ReviewOutcomePanelProps {
  outcome: ReviewOutcome;
}

type ReasonCategory = keyof Messages["Review"]["reasons"];

/** The review as support and admins see it: enough to tell a customer the outcome, without the officer's note. */
export function ReviewOutcomePanel({ outcome }: ReviewOutcomePanelProps) {
  const t = useTranslations("Review");
  const verdict = useTranslations("Labels.decision");
  const { decision } = outcome;
  // A category the desk has no words for shows as the loader wrote it.
  const reason = decision && (t.has(`reasons.${decision.reasonCategory as ReasonCategory}`) ? t(`reasons.${decision.reasonCategory as ReasonCategory}`) : decision.reason);
  return (
    <section aria-labelledby="review-outcome-heading" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
      <h2 id="review-outcome-heading" className="text-base font-semibold">{t("heading")}</h2>
      <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">{t("outcome.assignedTo")}</dt>
        <dd>{outcome.assignee ?? <span className="text-slate-600">{t("outcome.nobody")}</span>}</dd>
        <dt className="text-slate-600">{t("outcome.decision")}</dt>
        <dd>
          {decision ? (
            <>
              <strong className={decision.decision === "approve" ? "text-emerald-800" : "text-red-800"}>{verdict(decision.decision)}</strong>
              {decision.state === "awaiting_confirmation" && <span className="text-amber-800">, {t("outcome.awaiting")}</span>}
            </>
          ) : (
            <span className="text-slate-600">{t("outcome.noneYet")}</span>
          )}
        </dd>
        {decision && (
          <>
            <dt className="text-slate-600">{t("outcome.reason")}</dt>
            <dd>{reason}</dd>
            <dt className="text-slate-600">{t("outcome.decided")}</dt>
            <dd>
              {t.rich("outcome.decidedBy", { who: decision.decidedBy, time: () => <LocalTime at={decision.decidedAt} /> })}
              {decision.confirmedAt && decision.confirmedAt.getTime() !== decision.decidedAt.getTime() ? (
                <>, {t.rich("outcome.confirmed", { time: () => <LocalTime at={decision.confirmedAt!} /> })}</>
              ) : (
                ""
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
