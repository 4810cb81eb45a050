import "server-only";
import { and, count, eq, isNotNull, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { dossierErasures, dossiers, processes, staffUsers } from "../../db/schema";
import { can } from "../auth/permissions";
import { requireCapability, type Ctx } from "../auth/context";
import { NotFound } from "../errors";
import { erasureSubjectName } from "./erase-dossier";

export interface DossierPrivacy {
  hold: { reason: string; at: Date; by: string | null } | null;
  erasure: {
    state: "awaiting_confirmation" | "erased";
    reason: string;
    requestedBy: string;
    requestedById: string;
    requestedAt: Date;
    confirmedBy: string | null;
    erasedAt: Date | null;
    assure: { deletedAt: Date | null; attempts: number; nextAttemptAt: Date | null; lastError: string | null };
  } | null;
  /** Processes already purged, and when the last was: retention's tombstones. */
  purged: { processes: number; lastAt: Date | null; reason: string | null };
  /** What the confirmation must name: the person, or the dossier id when the desk knows no name. */
  confirmationLabel: string | null;
  canErase: boolean;
  canHold: boolean;
  /** The viewer may confirm the awaiting erasure (four eyes: not the one who asked). */
  canConfirm: boolean;
}

/** The dossier page's personal-data panel: hold, erasure (and its deletion at Assure), tombstones. */
export async function getDossierPrivacy(ctx: Ctx, dossierId: string): Promise<DossierPrivacy> {
  const user = requireCapability(ctx, "processes.read");
  const holder = alias(staffUsers, "holder");
  const requester = alias(staffUsers, "requester");
  const confirmer = alias(staffUsers, "confirmer");
  const [[dossier], [erasure], [purged]] = await Promise.all([
    ctx.db
      .select({ reason: dossiers.legalHoldReason, at: dossiers.legalHoldAt, by: holder.name })
      .from(dossiers)
      .leftJoin(holder, eq(holder.id, dossiers.legalHoldBy))
      .where(eq(dossiers.dossierId, dossierId)),
    ctx.db
      .select({ row: dossierErasures, requestedBy: requester.name, confirmedBy: confirmer.name })
      .from(dossierErasures)
      .innerJoin(requester, eq(requester.id, dossierErasures.requestedBy))
      .leftJoin(confirmer, eq(confirmer.id, dossierErasures.confirmedBy))
      .where(eq(dossierErasures.dossierId, dossierId)),
    ctx.db
      .select({ n: count(), lastAt: max(processes.purgedAt), reason: max(processes.purgeReason) })
      .from(processes)
      .where(and(eq(processes.dossierId, dossierId), isNotNull(processes.purgedAt))),
  ]);
  if (!dossier) throw new NotFound(`No dossier ${dossierId}`);
  const canErase = can(user.role, "data.erase");
  const name = canErase && erasure?.row.state !== "erased" ? await erasureSubjectName(ctx.db, dossierId) : null;
  return {
    hold: dossier.at ? { reason: dossier.reason ?? "", at: dossier.at, by: dossier.by } : null,
    erasure: erasure
      ? {
          state: erasure.row.state,
          reason: erasure.row.reason,
          requestedBy: erasure.requestedBy,
          requestedById: erasure.row.requestedBy,
          requestedAt: erasure.row.requestedAt,
          confirmedBy: erasure.confirmedBy,
          erasedAt: erasure.row.erasedAt,
          assure: {
            deletedAt: erasure.row.assureDeletedAt,
            attempts: erasure.row.assureAttempts,
            nextAttemptAt: erasure.row.assureNextAttemptAt,
            lastError: erasure.row.assureLastError,
          },
        }
      : null,
    purged: { processes: purged?.n ?? 0, lastAt: purged?.lastAt ?? null, reason: purged?.reason ?? null },
    confirmationLabel: canErase ? (name ?? dossierId) : null,
    canErase,
    canHold: can(user.role, "data.hold"),
    canConfirm: canErase && erasure?.row.state === "awaiting_confirmation" && erasure.row.requestedBy !== user.id,
  };
}
