import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { dossierErasures } from "../../db/schema";

/**
 * Which of these dossiers are erased. Kept for ever: an erased dossier's id is what refuses its late
 * notifications (here, in the inbox), syncs, polls and retries (the database's trigger on `processes`).
 */
export async function erasedAmong(db: Db | Tx, dossierIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(dossierIds)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ dossierId: dossierErasures.dossierId })
    .from(dossierErasures)
    .where(and(inArray(dossierErasures.dossierId, unique), eq(dossierErasures.state, "erased")));
  return new Set(rows.map((row) => row.dossierId));
}
