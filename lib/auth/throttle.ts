import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { signInThrottle } from "../../db/schema";

/**
 * Failed sign-ins are counted per account and per address over a window. From the third failure each
 * further attempt must wait longer (1 s, 2 s, 4 s, …); from the tenth the key is locked for a while.
 * Only a success clears an account's count; an address's count runs out with its window.
 */
export const THROTTLE = {
  windowMinutes: 15,
  backoffAfter: 3,
  lockAfter: 10,
  lockMinutes: 15,
  maxBackoffSeconds: 60,
} as const;

export function throttleKeys(email: string, address: string | null): string[] {
  return [`account:${email}`, ...(address ? [`address:${address}`] : [])];
}

/** Seconds to wait before the next attempt after `failures` failures; 0 when none. */
export function waitAfter(failures: number): number {
  if (failures >= THROTTLE.lockAfter) return THROTTLE.lockMinutes * 60;
  if (failures < THROTTLE.backoffAfter) return 0;
  return Math.min(THROTTLE.maxBackoffSeconds, 2 ** (failures - THROTTLE.backoffAfter));
}

/** The latest time until which any of the keys is held back, or null. */
export async function lockedUntil(db: Db | Tx, keys: string[]): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(sql`${inArray(signInThrottle.key, keys)} and ${signInThrottle.lockedUntil} > now()`);
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(tx: Db | Tx, keys: string[]): Promise<number> {
  let worst = 0;
  for (const key of keys) {
    const windowExpired = sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
    const [row] = await tx
      .insert(signInThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${windowExpired} then 1 else ${signInThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${windowExpired} then now() else ${signInThrottle.windowStartedAt} end`,
        },
      })
      .returning({ failures: signInThrottle.failures });
    const failures = row?.failures ?? 1;
    worst = Math.max(worst, failures);
    const wait = waitAfter(failures);
    await tx
      .update(signInThrottle)
      .set({ lockedUntil: wait > 0 ? sql`now() + make_interval(secs => ${wait})` : null })
      .where(sql`${signInThrottle.key} = ${key}`);
  }
  return worst;
}

export async function clearAccount(tx: Db | Tx, email: string): Promise<void> {
  await tx.delete(signInThrottle).where(sql`${signInThrottle.key} = ${`account:${email}`}`);
}
