import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client";
import { dossierErasures, dossiers, processes, type DossierErasureRow } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, InvalidInput, NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { foldForSearch } from "../processes/extract-lookup";
import { forgetResultsLocally } from "../results/forget-results";
import { deleteDossierAtAssure, type AssureDeletionOutcome } from "./delete-at-assure";
import { refuseIfHeld } from "./legal-hold";
import { purgeDossiers, type PurgeCounts } from "./purge-dossiers";

export interface ErasureDeps {
  assure: AssureClient;
  /** FOUR_EYES=1: a second person confirms each erasure. */
  fourEyes: boolean;
}

const DossierId = z.string().trim().min(1).max(200);

export const ErasureRequest = z.object({
  dossierId: DossierId,
  /** The request's reference (a ticket), not the person: it is kept and audited. */
  reason: z.string().trim().min(3, "say why (e.g. the ticket of the request)").max(500),
  /** The person's name as shown, or the dossier id: proves the officer knows whom they erase. */
  confirmation: z.string().trim().min(1, "type the person's name to confirm").max(300),
});

export const ErasureConfirmation = z.object({ dossierId: DossierId });

export interface ErasureOutcome {
  dossierId: string;
  state: DossierErasureRow["state"];
  counts: PurgeCounts | null;
  assure: AssureDeletionOutcome | null;
}

const parse = parseInput;

/** The name the confirmation must give: the newest extracted one, or null when the desk knows none. */
export async function erasureSubjectName(tx: Pick<Tx, "select">, dossierId: string): Promise<string | null> {
  const [row] = await tx
    .select({ firstName: processes.firstName, lastName: processes.lastName })
    .from(processes)
    .where(and(eq(processes.dossierId, dossierId), isNotNull(processes.nameSearch)))
    .orderBy(desc(processes.updatedAt))
    .limit(1);
  const name = [row?.firstName, row?.lastName].filter(Boolean).join(" ");
  return name || null;
}

async function lockDossier(tx: Tx, dossierId: string) {
  const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.dossierId, dossierId)).for("update");
  if (!dossier) throw new NotFound(`No dossier ${dossierId}`, { code: "noSuchDossier" });
  return dossier;
}

async function eraseInTx(tx: Tx, ctx: Ctx, erasure: DossierErasureRow): Promise<PurgeCounts & { processIds: string[] }> {
  const purged = await purgeDossiers(tx, [erasure.dossierId], "erasure");
  // The reason and the counts, never the person: the audit log is kept for ever.
  await recordAudit(tx, actorOf(ctx), {
    action: "dossier.erase",
    dossierId: erasure.dossierId,
    details: {
      reason: erasure.reason,
      requestedBy: erasure.requestedBy,
      confirmedBy: erasure.confirmedBy,
      processes: purged.processes,
      zips: purged.zips,
      notes: purged.notes,
    },
  });
  return purged;
}

async function afterErasure(ctx: Ctx, deps: ErasureDeps, dossierId: string, processIds: string[], counts: PurgeCounts): Promise<ErasureOutcome> {
  forgetResultsLocally(processIds);
  const assure = await deleteDossierAtAssure(ctx.db, deps.assure, dossierId);
  return { dossierId, state: "erased", counts, assure };
}

/**
 * Erasure on request: the officer gives a reason and names the person. Without four eyes the dossier is
 * purged at once and deleted at Assure (retried until done when Assure fails); with four eyes it waits for
 * a second person's `confirmErasure`. A legal hold refuses both.
 */
export async function requestErasure(ctx: Ctx, deps: ErasureDeps, input: unknown): Promise<ErasureOutcome> {
  const user = requireCapability(ctx, "data.erase");
  const data = parse(ErasureRequest, input, "Invalid erasure", "invalidErasure");
  const done = await ctx.db.transaction(async (tx) => {
    const dossier = await lockDossier(tx, data.dossierId);
    refuseIfHeld(dossier, "erased");
    const [existing] = await tx.select().from(dossierErasures).where(eq(dossierErasures.dossierId, data.dossierId));
    if (existing?.state === "erased") throw new Conflict(`Dossier ${data.dossierId} is already erased`, { code: "alreadyErased" });
    if (existing) throw new Conflict(`An erasure of dossier ${data.dossierId} already awaits a second person's confirmation`, { code: "erasureAwaiting" });
    const name = await erasureSubjectName(tx, data.dossierId);
    const named = data.confirmation === data.dossierId || (name !== null && foldForSearch(data.confirmation) === foldForSearch(name));
    if (!named) {
      throw name
        ? new InvalidInput("The confirmation does not match the person's name", [], { code: "confirmationName" })
        : new InvalidInput("The confirmation does not match the dossier id", [], { code: "confirmationId" });
    }

    const [erasure] = await tx
      .insert(dossierErasures)
      .values({
        dossierId: data.dossierId,
        state: deps.fourEyes ? "awaiting_confirmation" : "erased",
        reason: data.reason,
        requestedBy: user.id,
        erasedAt: deps.fourEyes ? null : new Date(),
        assureNextAttemptAt: deps.fourEyes ? null : new Date(),
      })
      .returning();
    if (deps.fourEyes) {
      await recordAudit(tx, actorOf(ctx), { action: "dossier.erase_requested", dossierId: data.dossierId, details: { reason: data.reason } });
      return null;
    }
    return eraseInTx(tx, ctx, erasure!);
  });
  if (!done) return { dossierId: data.dossierId, state: "awaiting_confirmation", counts: null, assure: null };
  const { processIds, ...counts } = done;
  return afterErasure(ctx, deps, data.dossierId, processIds, counts);
}

/** Four eyes: a second person (not the requester) with the right confirms, and the erasure happens. */
export async function confirmErasure(ctx: Ctx, deps: ErasureDeps, input: unknown): Promise<ErasureOutcome> {
  const user = requireCapability(ctx, "data.erase");
  const { dossierId } = parse(ErasureConfirmation, input, "Invalid confirmation", "invalidErasure");
  const done = await ctx.db.transaction(async (tx) => {
    const dossier = await lockDossier(tx, dossierId);
    const [pending] = await tx.select().from(dossierErasures).where(eq(dossierErasures.dossierId, dossierId));
    if (!pending || pending.state !== "awaiting_confirmation") throw new Conflict(`No erasure of dossier ${dossierId} awaits confirmation`, { code: "noErasureAwaiting" });
    if (pending.requestedBy === user.id) throw new Conflict("A second person must confirm the erasure you requested", { code: "secondPerson" });
    refuseIfHeld(dossier, "erased");
    const [erasure] = await tx
      .update(dossierErasures)
      .set({ state: "erased", confirmedBy: user.id, confirmedAt: new Date(), erasedAt: new Date(), assureNextAttemptAt: new Date() })
      .where(eq(dossierErasures.dossierId, dossierId))
      .returning();
    return eraseInTx(tx, ctx, erasure!);
  });
  const { processIds, ...counts } = done;
  return afterErasure(ctx, deps, dossierId, processIds, counts);
}

/** Withdraws an erasure awaiting confirmation (the requester or anyone with the right). */
export async function withdrawErasure(ctx: Ctx, input: unknown): Promise<void> {
  requireCapability(ctx, "data.erase");
  const { dossierId } = parse(ErasureConfirmation, input, "Invalid withdrawal", "invalidErasure");
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(dossierErasures)
      .where(and(eq(dossierErasures.dossierId, dossierId), eq(dossierErasures.state, "awaiting_confirmation")))
      .returning({ reason: dossierErasures.reason });
    if (removed.length === 0) throw new Conflict(`No erasure of dossier ${dossierId} awaits confirmation`, { code: "noErasureAwaiting" });
    await recordAudit(tx, actorOf(ctx), { action: "dossier.erase_withdrawn", dossierId, details: { reason: removed[0]!.reason } });
  });
}
