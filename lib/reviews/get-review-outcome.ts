import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { processAssignments, reviewDecisions, staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { REASON_CATEGORIES } from "./review-decisions";

const decider = alias(staffUsers, "decider");

export interface ReviewOutcome {
  assignee: string | null;
  decision: {
    decision: (typeof reviewDecisions.decision.enumValues)[number];
    reasonCategory: string;
    /** The category in words. */
    reason: string;
    state: "final" | "awaiting_confirmation";
    decidedBy: string;
    decidedAt: Date;
    confirmedAt: Date | null;
  } | null;
}

/**
 * What support may tell a customer about a review: who works on it, and the decision in force with its
 * reason category and time. The officer's free-text note is never selected, so it cannot reach the page.
 */
export async function getReviewOutcome(ctx: Ctx, processId: string): Promise<ReviewOutcome> {
  requireCapability(ctx, "reviews.read");
  const [[assignment], [decision]] = await Promise.all([
    ctx.db
      .select({ name: staffUsers.name })
      .from(processAssignments)
      .innerJoin(staffUsers, eq(staffUsers.id, processAssignments.assigneeId))
      .where(eq(processAssignments.processId, processId)),
    ctx.db
      .select({
        decision: reviewDecisions.decision,
        reasonCategory: reviewDecisions.reasonCategory,
        state: reviewDecisions.state,
        decidedBy: decider.name,
        decidedAt: reviewDecisions.decidedAt,
        confirmedAt: reviewDecisions.confirmedAt,
      })
      .from(reviewDecisions)
      .innerJoin(decider, eq(decider.id, reviewDecisions.decidedBy))
      // At most one decision is not withdrawn (a unique index says so).
      .where(and(eq(reviewDecisions.processId, processId), ne(reviewDecisions.state, "withdrawn"))),
  ]);
  return {
    assignee: assignment?.name ?? null,
    decision: decision
      ? {
          ...decision,
          state: decision.state === "final" ? "final" : "awaiting_confirmation",
          reason: REASON_CATEGORIES[decision.reasonCategory as keyof typeof REASON_CATEGORIES] ?? decision.reasonCategory,
          confirmedAt: decision.state === "final" ? decision.confirmedAt : null,
        }
      : null,
  };
}
