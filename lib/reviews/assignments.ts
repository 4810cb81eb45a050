import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { processAssignments, processes, reviewDecisions } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { isOpenForDecision } from "./review-decisions";
import { publishDeskEvent } from "../events/publish-event";

const AssignInput = z.object({ processId: z.string().min(1).max(200) });

function parse(input: unknown) {
  return parseInput(AssignInput, input, "Invalid assignment", "invalidAssignment");
}

/** "Assign to me": takes the process for review, from whoever had it, while a decision can still be made. */
export async function assignProcessToMe(ctx: Ctx, input: unknown) {
  const user = requireCapability(ctx, "reviews.write");
  const { processId } = parse(input);
  return ctx.db.transaction(async (tx) => {
    const [process] = await tx
      .select({ dossierId: processes.dossierId, status: processes.status })
      .from(processes)
      .where(eq(processes.processId, processId))
      .for("update");
    if (!process) throw new NotFound("No such process", { code: "noSuchProcess" });
    const decisions = await tx.select({ state: reviewDecisions.state }).from(reviewDecisions).where(eq(reviewDecisions.processId, processId));
    if (!isOpenForDecision(process.status, decisions.map((d) => d.state))) {
      throw decisions.some((d) => d.state === "final")
        ? new Conflict("This process has a final decision already: there is nothing to take", { code: "nothingToTakeFinal" })
        : new Conflict(`A ${process.status} process is not reviewed (only inconclusive and rejected ones are): there is nothing to take`, {
            code: "nothingToTake", values: { status: process.status },
          });
    }
    const [before] = await tx.select().from(processAssignments).where(eq(processAssignments.processId, processId)).for("update");
    await tx
      .insert(processAssignments)
      .values({ processId, assigneeId: user.id })
      .onConflictDoUpdate({ target: processAssignments.processId, set: { assigneeId: user.id, assignedAt: new Date() } });
    await publishDeskEvent(tx, { kind: "assignment", processId, dossierId: process.dossierId });
    await recordAudit(tx, actorOf(ctx), {
      action: "review.assign",
      processId,
      dossierId: process.dossierId,
      details: { from: before?.assigneeId ?? null, to: user.id },
    });
  });
}

export async function unassignProcess(ctx: Ctx, input: unknown) {
  requireCapability(ctx, "reviews.write");
  const { processId } = parse(input);
  return ctx.db.transaction(async (tx) => {
    const [removed] = await tx.delete(processAssignments).where(eq(processAssignments.processId, processId)).returning();
    if (!removed) return;
    await publishDeskEvent(tx, { kind: "assignment", processId });
    await recordAudit(tx, actorOf(ctx), { action: "review.unassign", processId, details: { from: removed.assigneeId } });
  });
}
