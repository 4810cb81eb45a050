import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { processAssignments, reviewDecisions, staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";

const decider = alias(staffUsers, "decider");
const confirmer = alias(staffUsers, "confirmer");

/** The desk's layer on one process: who works on it, and every decision with its authors. */
export async function getReviewState(ctx: Ctx, processId: string) {
  requireCapability(ctx, "processes.read");
  const [assignment] = await ctx.db
    .select({ assigneeId: processAssignments.assigneeId, assignee: staffUsers.name, assignedAt: processAssignments.assignedAt })
    .from(processAssignments)
    .innerJoin(staffUsers, eq(staffUsers.id, processAssignments.assigneeId))
    .where(eq(processAssignments.processId, processId));
  const decisions = await ctx.db
    .select({
      id: reviewDecisions.id,
      decision: reviewDecisions.decision,
      reasonCategory: reviewDecisions.reasonCategory,
      note: reviewDecisions.note,
      state: reviewDecisions.state,
      decidedAt: reviewDecisions.decidedAt,
      decidedById: reviewDecisions.decidedBy,
      decidedBy: decider.name,
      confirmedBy: confirmer.name,
      confirmedAt: reviewDecisions.confirmedAt,
    })
    .from(reviewDecisions)
    .innerJoin(decider, eq(decider.id, reviewDecisions.decidedBy))
    .leftJoin(confirmer, eq(confirmer.id, reviewDecisions.confirmedBy))
    .where(eq(reviewDecisions.processId, processId))
    .orderBy(desc(reviewDecisions.decidedAt));
  return { assignment: assignment ?? null, decisions };
}

export type ReviewState = Awaited<ReturnType<typeof getReviewState>>;
