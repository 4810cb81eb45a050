import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor";

export const ListDossiersInput = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListDossiersInput = z.input<typeof ListDossiersInput>;

export interface DossierListItem {
  dossierId: string;
  processCount: number;
  lastActivityAt: Date;
  firstSeenAt: Date;
  goneAt: Date | null;
}

/** Dossiers with the most recent process activity first, by keyset. */
export async function listDossiers(db: Db, input: ListDossiersInput = {}) {
  const { limit, cursor } = ListDossiersInput.parse(input);
  const conditions: SQL[] = [];
  if (cursor) {
    const after = decodeCursor(cursor);
    conditions.push(
      or(
        lt(dossiers.lastActivityAt, after.at),
        and(eq(dossiers.lastActivityAt, after.at), lt(dossiers.dossierId, after.id)),
      )!,
    );
  }
  const rows: DossierListItem[] = await db
    .select({
      dossierId: dossiers.dossierId,
      processCount: dossiers.processCount,
      lastActivityAt: dossiers.lastActivityAt,
      firstSeenAt: dossiers.firstSeenAt,
      goneAt: dossiers.goneAt,
    })
    .from(dossiers)
    .where(and(...conditions))
    .orderBy(desc(dossiers.lastActivityAt), desc(dossiers.dossierId))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.lastActivityAt, id: last.dossierId }) : null };
}
