import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { processes, reviewDecisions } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, Forbidden, NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { publishDeskEvent } from "../events/publish-event";

/** Why a compliance officer decided as they did: a fixed list, so decisions can be counted and compared. */
export const REASON_CATEGORIES = {
  document_authentic: "Document checked and authentic",
  data_confirmed: "Data confirmed from another source",
  face_confirmed: "Face match confirmed by eye",
  document_suspicious: "Document suspicious or forged",
  face_mismatch: "Face does not match the document",
  data_mismatch: "Data does not match",
  expired_document: "Document expired",
  underage: "Under the minimum age",
  poor_image_quality: "Images too poor to decide",
  other: "Other (explained in the note)",
} as const;

/** Assure's statuses a person may review; accepted ones need no decision, failed ones a retry. */
export const REVIEWABLE_STATUSES = ["inconclusive", "rejected"] as const;

/**
 * Whether a person can still decide on a process: a reviewable status and no final decision. Taking a
 * process ("Assign to me") follows the same rule; one waiting for a second officer is still open.
 */
export function isOpenForDecision(status: string, decisionStates: readonly string[]): boolean {
  return (REVIEWABLE_STATUSES as readonly string[]).includes(status) && !decisionStates.includes("final");
}

const DecideInput = z.object({
  processId: z.string().min(1).max(200),
  decision: z.enum(["approve", "reject"]),
  reasonCategory: z.enum(Object.keys(REASON_CATEGORIES) as [keyof typeof REASON_CATEGORIES]),
  note: z.string().trim().min(1, "a note is required").max(4_000),
});

const DecisionRef = z.object({ decisionId: z.coerce.number().int().positive() });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseInput(schema, input, "Invalid review decision", "invalidDecision");
}

/**
 * Records a compliance officer's decision on an inconclusive or rejected process. It is the desk's own
 * layer: Assure's status is never changed. With four eyes on, it waits for a second officer.
 */
export async function recordReviewDecision(ctx: Ctx, input: unknown, options: { fourEyes: boolean }) {
  const user = requireCapability(ctx, "reviews.write");
  const data = parse(DecideInput, input);
  return ctx.db.transaction(async (tx) => {
    const [process] = await tx
      .select({ status: processes.status, dossierId: processes.dossierId })
      .from(processes)
      .where(eq(processes.processId, data.processId))
      .for("update");
    if (!process) throw new NotFound("No such process", { code: "noSuchProcess" });
    if (!(REVIEWABLE_STATUSES as readonly string[]).includes(process.status)) {
      throw new Conflict(`A ${process.status} process is not reviewed: only inconclusive and rejected ones are`, { code: "notReviewed", values: { status: process.status } });
    }
    const [open] = await tx
      .select({ id: reviewDecisions.id, state: reviewDecisions.state })
      .from(reviewDecisions)
      .where(and(eq(reviewDecisions.processId, data.processId), ne(reviewDecisions.state, "withdrawn")));
    if (open) {
      throw open.state === "final"
        ? new Conflict("This process has a final decision already", { code: "alreadyFinal" })
        : new Conflict("A decision is waiting for a second officer's confirmation", { code: "awaitingConfirmation" });
    }
    const state = options.fourEyes ? "awaiting_confirmation" : "final";
    const [decision] = await tx
      .insert(reviewDecisions)
      .values({ ...data, state, decidedBy: user.id, ...(state === "final" ? { confirmedAt: sql`now()` } : {}) })
      .returning();
    await publishDeskEvent(tx, { kind: "decision", processId: data.processId, dossierId: process.dossierId });
    await recordAudit(tx, actorOf(ctx), {
      action: "review.decide",
      processId: data.processId,
      dossierId: process.dossierId,
      target: String(decision!.id),
      details: { decision: data.decision, reasonCategory: data.reasonCategory, state },
    });
    return decision!;
  });
}

async function settleAwaiting(ctx: Ctx, input: unknown, outcome: "final" | "withdrawn") {
  const user = requireCapability(ctx, "reviews.write");
  const { decisionId } = parse(DecisionRef, input);
  return ctx.db.transaction(async (tx) => {
    const [decision] = await tx.select().from(reviewDecisions).where(eq(reviewDecisions.id, decisionId)).for("update");
    if (!decision) throw new NotFound("No such decision", { code: "noSuchDecision" });
    if (decision.state !== "awaiting_confirmation") throw new Conflict("This decision is not waiting for confirmation", { code: "notAwaiting" });
    if (outcome === "final" && decision.decidedBy === user.id) {
      throw new Forbidden("Four eyes: another compliance officer must confirm your decision", { code: "fourEyes" });
    }
    const [settled] = await tx
      .update(reviewDecisions)
      .set({ state: outcome, confirmedBy: outcome === "final" ? user.id : null, confirmedAt: sql`now()` })
      .where(eq(reviewDecisions.id, decisionId))
      .returning();
    await publishDeskEvent(tx, { kind: "decision", processId: decision.processId });
    await recordAudit(tx, actorOf(ctx), {
      action: outcome === "final" ? "review.confirm" : "review.send_back",
      processId: decision.processId,
      target: String(decision.id),
      details: { decision: decision.decision, decidedBy: decision.decidedBy },
    });
    return settled!;
  });
}

/** The second officer agrees: the decision becomes final. */
export const confirmReviewDecision = (ctx: Ctx, input: unknown) => settleAwaiting(ctx, input, "final");
/** The second officer (or the first, changing their mind) sends it back: it is withdrawn and can be made again. */
export const sendBackReviewDecision = (ctx: Ctx, input: unknown) => settleAwaiting(ctx, input, "withdrawn");

export async function listReviewDecisions(ctx: Ctx, processId: string) {
  requireCapability(ctx, "processes.read");
  return ctx.db.select().from(reviewDecisions).where(eq(reviewDecisions.processId, processId)).orderBy(reviewDecisions.decidedAt);
}
