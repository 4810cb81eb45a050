import "server-only";
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { signInThrottle } from "../../db/schema";

/**
 * Sign-in attempts are counted per (account, address) pair and per address. Past a rule's free
 * failures each further attempt waits twice as long as the one before (1 s, 2 s, 4 s, … up to the cap).
 * A pair's count ends with a success or its window; an address's with its window. There is no lock on
 * an account as such: a correct password from an address that has not failed is never refused, so no
 * one can keep a colleague out by failing in their name. The per-address rule is far looser, so that an
 * office behind one NAT is not held back by one person's typos.
 */
export const THROTTLE = {
  pair: { freeFailures: 3, windowMinutes: 24 * 60, maxWaitSeconds: 15 * 60 },
  address: { freeFailures: 100, windowMinutes: 60, maxWaitSeconds: 15 * 60 },
} as const;

type Rule = (typeof THROTTLE)[keyof typeof THROTTLE];

/** Seconds to wait before the next attempt after `failures` failures under `rule`; 0 when none. */
export function waitAfter(failures: number, rule: Rule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxWaitSeconds, 2 ** (failures - rule.freeFailures));
}

export interface ThrottleTarget {
  /** As typed (lower-cased): only its hash is kept, so text typed into the email field is never stored. */
  email: string;
  address: string | null;
  /** The account the email names, if any: shown to admins (lib/staff/sign-in-holds.ts). */
  staffUserId: string | null;
}

interface Counter {
  key: string;
  rule: Rule;
  staffUserId: string | null;
  address: string | null;
}

function countersFor(target: ThrottleTarget): Counter[] {
  const emailHash = createHash("sha256").update(target.email).digest("base64url");
  const pair: Counter = { key: `pair:${target.address ?? "-"}:${emailHash}`, rule: THROTTLE.pair, staffUserId: target.staffUserId, address: target.address };
  if (!target.address) return [pair];
  // Always the pair first, then the address, in every transaction: a fixed order cannot deadlock.
  return [pair, { key: `address:${target.address}`, rule: THROTTLE.address, staffUserId: null, address: target.address }];
}

class Held extends Error {}

export type Claim = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts an attempt as a failure *before* the password is checked, and refuses it while a counter is
 * waiting out its back-off. Guesses sent in parallel therefore queue on the counter's row and each sees
 * the ones before it: they cannot all pass while the first is still being checked. A success takes its
 * attempt back (`settleSuccess`).
 */
export async function claimAttempt(db: Db, target: ThrottleTarget): Promise<Claim> {
  const counters = countersFor(target);
  try {
    await db.transaction(async (tx) => {
      for (const counter of counters) if (!(await countAttempt(tx, counter))) throw new Held();
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof Held)) throw error;
    const until = await heldUntil(db, counters.map((c) => c.key));
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((until?.getTime() ?? 0) - Date.now()) / 1000)) };
  }
}

/** Adds one to a counter unless it is waiting; false when it is. */
async function countAttempt(tx: Tx, counter: Counter): Promise<boolean> {
  const { key, rule } = counter;
  const windowOver = sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes})`;
  const [row] = await tx
    .insert(signInThrottle)
    .values({ key, staffUserId: counter.staffUserId, address: counter.address, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${windowOver} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then now() else ${signInThrottle.windowStartedAt} end`,
        staffUserId: counter.staffUserId,
      },
      setWhere: sql`${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} <= now()`,
    })
    .returning({ failures: signInThrottle.failures });
  if (!row) return false;
  const wait = waitAfter(row.failures, rule);
  await tx
    .update(signInThrottle)
    .set({ lockedUntil: wait > 0 ? sql`now() + make_interval(secs => ${wait})` : null })
    .where(sql`${signInThrottle.key} = ${key}`);
  return true;
}

async function heldUntil(db: Db, keys: string[]): Promise<Date | null> {
  const [row] = await db
    .select({ until: sql<Date | null>`max(${signInThrottle.lockedUntil})`.mapWith(signInThrottle.lockedUntil) })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys));
  return row?.until ?? null;
}

/** The right password: the pair starts afresh and the address gets its attempt back. */
export async function settleSuccess(tx: Db | Tx, target: ThrottleTarget): Promise<void> {
  const [pair, address] = countersFor(target);
  await tx.delete(signInThrottle).where(sql`${signInThrottle.key} = ${pair!.key}`);
  if (address) {
    await tx
      .update(signInThrottle)
      .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
      .where(sql`${signInThrottle.key} = ${address.key}`);
  }
}

/**
 * Counters whose window is over and that hold nobody back count nothing any more: the background sweep
 * deletes them, so that the table (addresses are personal data) keeps only what the rules still use.
 * Returns how many were deleted.
 */
export async function pruneSignInThrottle(db: Db): Promise<number> {
  const over = (prefix: string, rule: Rule) =>
    sql`(${signInThrottle.key} like ${`${prefix}:%`} and ${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes}))`;
  const deleted = await db
    .delete(signInThrottle)
    .where(sql`(${over("pair", THROTTLE.pair)} or ${over("address", THROTTLE.address)})
      and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} <= now())`)
    .returning({ key: signInThrottle.key });
  return deleted.length;
}
