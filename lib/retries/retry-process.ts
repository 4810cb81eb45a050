import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { processes, processRetries } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { AssureApiError, AssureError } from "../assure/errors";
import { imageToDataUrl } from "../assure/images";
import { DOCUMENT_TYPES, type CreateProcessRequest } from "../assure/schemas";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, NotFound, UpstreamUnavailable } from "../errors";
import { parseInput } from "../parse-input";
import { upsertProcess } from "../processes/upsert-process";
import { CAPTURED_BY_END_USER_REFUSAL, isCapturedByEndUser, planRetry } from "./retry-plan";
import { publishDeskEvent } from "../events/publish-event";

export const RetryInput = z.object({
  processId: z.string().min(1).max(200),
  /** Made by the browser when the dialog opens: a double click or a resent request repeats it. */
  idempotencyKey: z.string().min(8).max(100),
  countryOfResidence: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166 alpha-3 code").optional(),
  documentType: z.enum(DOCUMENT_TYPES).optional(),
  bulkId: z.string().max(100).optional(),
});

export interface RetryDeps {
  assure: AssureClient;
  /** This desk's webhook address and secret, given to Assure with the new process. */
  notification: { notificationUrl: string; authorizationHeader: string } | null;
  cap: number;
}

export type RetryRow = typeof processRetries.$inferSelect;

/** Assure's own words when it refused, for the admin; a plain message otherwise. */
function describeFailure(error: unknown): string {
  if (error instanceof AssureApiError) {
    const params = error.invalidParams?.map((p) => `${p.name}: ${p.reason}`).join("; ");
    return [error.title, error.detail, params].filter(Boolean).join(" — ") || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Retries a failed process (lib/assure/README.md "Retrying a failed process"): a new process in the same dossier,
 * the failed one's images copied onto it, verification started. Each step is recorded as it completes,
 * so a retry Assure refused half-way shows where it stopped and `resumeRetry` continues it.
 */
export async function retryProcess(ctx: Ctx, deps: RetryDeps, input: unknown): Promise<RetryRow> {
  requireCapability(ctx, "retries.write");
  const data = parseInput(RetryInput, input, "Invalid retry", "invalidRetry");

  const row = await ctx.db.transaction(async (tx) => {
    // The original's row lock queues concurrent requests for it; only then is the key looked up, so the
    // second of a double click finds the first's retry instead of missing it.
    const [original] = await tx.select().from(processes).where(eq(processes.processId, data.processId)).for("update");
    if (!original) throw new NotFound("No such process", { code: "noSuchProcess" });
    const [again] = await tx.select().from(processRetries).where(eq(processRetries.idempotencyKey, data.idempotencyKey));
    if (again) return again;
    const plan = planRetry(original, data);
    if (plan.refusal) throw new Conflict(plan.refusal.message, { code: plan.refusal.code, values: plan.refusal.values });
    const [inFlight] = await tx
      .select({ id: processRetries.id, newProcessId: processRetries.newProcessId })
      .from(processRetries)
      .where(and(eq(processRetries.originalProcessId, original.processId), inArray(processRetries.state, ["creating", "created", "images_copied"])));
    // A retry Assure refused at start ("failed") does not block a corrected one; one still on its way does.
    if (inFlight) throw new Conflict("A retry of this process is already under way: resume it instead of starting another", { code: "retryInFlight" });
    const [{ made } = { made: 0 }] = await tx
      .select({ made: count() })
      .from(processRetries)
      .where(eq(processRetries.originalProcessId, original.processId));
    if (made >= deps.cap) throw new Conflict(`This process has been retried ${made} times, the most allowed (${deps.cap})`, { code: "retryCap", values: { made, cap: deps.cap } });
    // The unique (original, attempt) makes two admins asking at once collide here: one wins.
    const [created] = await tx
      .insert(processRetries)
      .values({
        originalProcessId: original.processId,
        dossierId: original.dossierId,
        attempt: made + 1,
        idempotencyKey: data.idempotencyKey,
        parameters: plan.request as unknown as Record<string, unknown>,
        requestedBy: ctx.user!.id,
        bulkId: data.bulkId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new Conflict("Another retry of this process was asked for at the same moment", { code: "retryConcurrent" });
    await recordAudit(tx, actorOf(ctx), {
      action: "process.retry",
      processId: original.processId,
      dossierId: original.dossierId,
      target: String(created.id),
      details: { attempt: created.attempt, corrections: { countryOfResidence: data.countryOfResidence, documentType: data.documentType } },
    });
    return created;
  });
  return advanceRetry(ctx, deps, row);
}

/** Continues a retry from the step it stopped at (after Assure refused or the desk went down). */
export async function resumeRetry(ctx: Ctx, deps: RetryDeps, input: unknown): Promise<RetryRow> {
  requireCapability(ctx, "retries.write");
  const { retryId } = parseInput(z.object({ retryId: z.coerce.number().int().positive() }), input, "Invalid retry", "invalidRetry");
  const [row] = await ctx.db.select().from(processRetries).where(eq(processRetries.id, retryId));
  if (!row) throw new NotFound("No such retry", { code: "noSuchRetry" });
  if (row.state === "canceled") throw new Conflict("This retry was canceled: its process was deleted at Assure", { code: "retryCanceled" });
  const [original] = await ctx.db.select({ purgedAt: processes.purgedAt }).from(processes).where(eq(processes.processId, row.originalProcessId));
  if (original?.purgedAt) throw new Conflict("The retried process's personal data was purged: the retry cannot be resumed", { code: "retryPurgedResume" });
  // Made before the desk knew better: resuming would only repeat Assure's refusal.
  if (row.state !== "started" && isCapturedByEndUser(String(row.parameters.processType ?? ""))) {
    throw new Conflict(`${CAPTURED_BY_END_USER_REFUSAL} Cancel the leftover process instead.`, { code: "retryCapturedResume" });
  }
  await recordAudit(ctx.db, actorOf(ctx), { action: "process.retry_resume", processId: row.originalProcessId, target: String(row.id) });
  return advanceRetry(ctx, deps, row);
}

async function save(ctx: Ctx, id: number, patch: Partial<typeof processRetries.$inferInsert>): Promise<RetryRow> {
  // Each recorded step is news for the original's page (the retry panel, the new process's link).
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(processRetries).set({ ...patch, updatedAt: sql`now()` }).where(eq(processRetries.id, id)).returning();
    await publishDeskEvent(tx, { kind: "retry", processId: row!.originalProcessId, dossierId: row!.dossierId, status: row!.state });
    return row!;
  });
}

export async function release(ctx: Ctx, id: number) {
  await ctx.db.update(processRetries).set({ advancingUntil: null }).where(eq(processRetries.id, id));
}

/** Takes the right to advance this retry for a minute; null when another request holds it. */
export async function claimAdvance(ctx: Ctx, id: number): Promise<RetryRow | null> {
  const [row] = await ctx.db
    .update(processRetries)
    .set({ advancingUntil: sql`now() + interval '60 seconds'` })
    .where(and(eq(processRetries.id, id), sql`(${processRetries.advancingUntil} is null or ${processRetries.advancingUntil} < now())`))
    .returning();
  return row ?? null;
}

async function advanceRetry(ctx: Ctx, deps: RetryDeps, start: RetryRow): Promise<RetryRow> {
  if (start.state === "started" || start.state === "canceled") return start;
  const claimed = await claimAdvance(ctx, start.id);
  // Another request (the first of a double click) is advancing it: answer with the retry as it stands.
  if (!claimed) return start;
  let row = claimed;
  const { assure } = deps;
  try {
    if (!row.newProcessId) {
      const request = { ...(row.parameters as unknown as CreateProcessRequest), ...(deps.notification ?? {}) };
      const created = await assure.createProcess(row.dossierId, request);
      await upsertProcess(ctx.db, { dossierId: row.dossierId, process: created, retryOfProcessId: row.originalProcessId });
      row = await save(ctx, row.id, { state: "created", newProcessId: created.processId, lastError: null });
    }
    if (row.state === "created" || row.state === "creating") {
      const images: Record<string, string> = {};
      for (const kind of ["front", "back", "selfie"] as const) {
        const image = await assure.getImage(row.dossierId, row.originalProcessId, kind);
        if (image) images[kind] = imageToDataUrl(image);
      }
      // Without images Assure uses the dossier's files (lib/assure/README.md): start anyway.
      if (Object.keys(images).length > 0) await assure.setImages(row.dossierId, row.newProcessId!, images);
      row = await save(ctx, row.id, { state: "images_copied", lastError: null });
    }
    if (row.state === "images_copied" || row.state === "failed") {
      const started = await assure.startVerification(row.dossierId, row.newProcessId!);
      await upsertProcess(ctx.db, { dossierId: row.dossierId, process: started, retryOfProcessId: row.originalProcessId });
      row = await save(ctx, row.id, { state: "started", lastError: null });
    }
    return row;
  } catch (error) {
    const lastError = describeFailure(error).slice(0, 1_000);
    // The step that failed is kept as it was, except that an unstarted retry shows as failed.
    await save(ctx, row.id, { lastError, ...(row.newProcessId ? { state: row.state === "images_copied" ? "failed" : row.state } : {}) });
    // Assure's own words stay as they are, beside the desk's.
    if (error instanceof AssureApiError) throw new Conflict(`Assure refused the retry: ${lastError}`, { cause: error, code: "assureRefusedRetry", values: { said: lastError } });
    if (error instanceof AssureError) throw new UpstreamUnavailable(`Assure could not be reached: ${lastError}`, { cause: error, code: "assureUnreachable", values: { said: lastError } });
    throw error;
  } finally {
    await release(ctx, row.id);
  }
}
