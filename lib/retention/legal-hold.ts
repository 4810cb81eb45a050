import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { dossiers, type DossierRow } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../parse-input";

const HoldInput = z.object({
  dossierId: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(3, "say why (e.g. the matter or the authority's request)").max(500),
});

function parse(input: unknown) {
  return parseInput(HoldInput, input, "Invalid legal hold", "invalidHold");
}

/** Erasure and retention both stop at a hold, with a message that names it. */
export function refuseIfHeld(dossier: Pick<DossierRow, "dossierId" | "legalHoldAt" | "legalHoldReason">, what: "erased" | "purged"): void {
  if (!dossier.legalHoldAt) return;
  const since = dossier.legalHoldAt.toISOString().slice(0, 10);
  throw new Conflict(
    `Dossier ${dossier.dossierId} is under legal hold since ${since} ` +
      `(${dossier.legalHoldReason ?? "no reason given"}): it cannot be ${what} until the hold is lifted`,
    // The reason was typed by staff: it stays as typed. The page writes the instant in the viewer's zone.
    { code: what === "erased" ? "heldErase" : "heldPurge", values: { since: dossier.legalHoldAt, reason: dossier.legalHoldReason ?? "—" } },
  );
}

/** Compliance places a hold with a reason; it stops retention and erasure until lifted. Audited. */
export async function placeLegalHold(ctx: Ctx, input: unknown): Promise<void> {
  const user = requireCapability(ctx, "data.hold");
  const { dossierId, reason } = parse(input);
  await ctx.db.transaction(async (tx) => {
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.dossierId, dossierId)).for("update");
    if (!dossier) throw new NotFound(`No dossier ${dossierId}`, { code: "noSuchDossier" });
    if (dossier.legalHoldAt) throw new Conflict(`Dossier ${dossierId} is already under legal hold`, { code: "alreadyHeld" });
    await tx.update(dossiers).set({ legalHoldReason: reason, legalHoldAt: new Date(), legalHoldBy: user.id }).where(eq(dossiers.dossierId, dossierId));
    await recordAudit(tx, actorOf(ctx), { action: "dossier.hold", dossierId, details: { reason } });
  });
}

/** Lifts a hold, with the reason for lifting it. Audited. */
export async function liftLegalHold(ctx: Ctx, input: unknown): Promise<void> {
  requireCapability(ctx, "data.hold");
  const { dossierId, reason } = parse(input);
  await ctx.db.transaction(async (tx) => {
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.dossierId, dossierId)).for("update");
    if (!dossier) throw new NotFound(`No dossier ${dossierId}`, { code: "noSuchDossier" });
    if (!dossier.legalHoldAt) throw new Conflict(`Dossier ${dossierId} is not under legal hold`, { code: "notHeld" });
    await tx.update(dossiers).set({ legalHoldReason: null, legalHoldAt: null, legalHoldBy: null }).where(eq(dossiers.dossierId, dossierId));
    await recordAudit(tx, actorOf(ctx), {
      action: "dossier.hold_lifted",
      dossierId,
      details: { reason, heldSince: dossier.legalHoldAt.toISOString(), heldFor: dossier.legalHoldReason },
    });
  });
}
