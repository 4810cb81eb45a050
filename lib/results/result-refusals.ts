import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { processResultRefusals } from "../../db/schema";

/** Full results the desk did not store because Assure's answer was longer than it opens. */
export interface ResultRefusal {
  limitBytes: number;
  declaredBytes: number | null;
  refusedAt: Date;
}

export async function recordResultRefusal(db: Db | Tx, processId: string, refusal: { limitBytes: number; declaredBytes: number | null }): Promise<void> {
  await db
    .insert(processResultRefusals)
    .values({ processId, ...refusal })
    .onConflictDoUpdate({
      target: processResultRefusals.processId,
      set: { limitBytes: refusal.limitBytes, declaredBytes: refusal.declaredBytes, refusedAt: sql`now()` },
    });
}

export async function clearResultRefusal(db: Db | Tx, processId: string): Promise<void> {
  await db.delete(processResultRefusals).where(eq(processResultRefusals.processId, processId));
}

export async function getResultRefusal(db: Db | Tx, processId: string): Promise<ResultRefusal | null> {
  const [row] = await db
    .select({ limitBytes: processResultRefusals.limitBytes, declaredBytes: processResultRefusals.declaredBytes, refusedAt: processResultRefusals.refusedAt })
    .from(processResultRefusals)
    .where(eq(processResultRefusals.processId, processId));
  return row ?? null;
}
