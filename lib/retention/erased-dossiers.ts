import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { dossierErasures } from "../../db/schema";

/** Kept for ever: an erased dossier's id is what refuses its late notifications, syncs and retries. */
export async function isErasedDossier(db: Db | Tx, dossierId: string): Promise<boolean> {
  const [row] = await db
    .select({ dossierId: dossierErasures.dossierId })
    .from(dossierErasures)
    .where(and(eq(dossierErasures.dossierId, dossierId), eq(dossierErasures.state, "erased")));
  return row !== undefined;
}
