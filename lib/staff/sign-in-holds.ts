import "server-only";
import { and, desc, eq, gt, gte, isNotNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { signInThrottle, staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { THROTTLE } from "../auth/throttle";
import { InvalidInput, NotFound } from "../errors";

export interface AccountHold {
  userId: string;
  email: string;
  /** Addresses this account's sign-ins are being held back from. */
  addresses: string[];
  failures: number;
  heldUntil: Date | null;
}

export interface AddressHold {
  address: string;
  failures: number;
  heldUntil: Date | null;
}

const inWindow = (minutes: number) => sql`${signInThrottle.windowStartedAt} > now() - make_interval(mins => ${minutes})`;

/** Accounts and addresses the sign-in throttle is holding back, or about to: for the staff page. */
export async function listSignInHolds(ctx: Ctx): Promise<{ accounts: AccountHold[]; addresses: AddressHold[] }> {
  requireCapability(ctx, "desk.admin");
  const pairs = await ctx.db
    .select({
      userId: staffUsers.id,
      email: staffUsers.email,
      address: signInThrottle.address,
      failures: signInThrottle.failures,
      heldUntil: signInThrottle.lockedUntil,
    })
    .from(signInThrottle)
    .innerJoin(staffUsers, eq(staffUsers.id, signInThrottle.staffUserId))
    .where(and(sql`${signInThrottle.key} like 'pair:%'`, inWindow(THROTTLE.pair.windowMinutes), or(gte(signInThrottle.failures, THROTTLE.pair.freeFailures), gt(signInThrottle.lockedUntil, sql`now()`))))
    .orderBy(staffUsers.email);
  const accounts = new Map<string, AccountHold>();
  for (const pair of pairs) {
    const hold = accounts.get(pair.userId) ?? { userId: pair.userId, email: pair.email, addresses: [], failures: 0, heldUntil: null };
    hold.addresses.push(pair.address ?? "unknown");
    hold.failures += pair.failures;
    if (pair.heldUntil && (!hold.heldUntil || pair.heldUntil > hold.heldUntil)) hold.heldUntil = pair.heldUntil;
    accounts.set(pair.userId, hold);
  }
  const addresses = await ctx.db
    .select({ address: signInThrottle.address, failures: signInThrottle.failures, heldUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(sql`${signInThrottle.key} like 'address:%'`, isNotNull(signInThrottle.address), inWindow(THROTTLE.address.windowMinutes), gte(signInThrottle.failures, THROTTLE.address.freeFailures)))
    .orderBy(desc(signInThrottle.failures));
  return { accounts: [...accounts.values()], addresses: addresses.map((a) => ({ ...a, address: a.address! })) };
}

const ClearInput = z.union([z.object({ userId: z.string().min(1).max(100) }), z.object({ address: z.string().min(1).max(100) })]);

/** Lets an account (from every address) or an address sign in again at once. Audited. */
export async function clearSignInHolds(ctx: Ctx, input: unknown): Promise<{ cleared: number }> {
  requireCapability(ctx, "desk.admin");
  const parsed = ClearInput.safeParse(input);
  if (!parsed.success) throw new InvalidInput("Say which account or address to let in again", [], { code: "noHoldTarget" });
  const data = parsed.data;
  return ctx.db.transaction(async (tx) => {
    if ("userId" in data) {
      const [user] = await tx.select({ email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, data.userId));
      if (!user) throw new NotFound("No such staff user", { code: "noStaffUser" });
      const cleared = await tx.delete(signInThrottle).where(eq(signInThrottle.staffUserId, data.userId)).returning({ key: signInThrottle.key });
      await recordAudit(tx, actorOf(ctx), { action: "auth.throttle_cleared", target: data.userId, details: { email: user.email, counters: cleared.length } });
      return { cleared: cleared.length };
    }
    const cleared = await tx
      .delete(signInThrottle)
      .where(eq(signInThrottle.key, `address:${data.address}`))
      .returning({ key: signInThrottle.key });
    await recordAudit(tx, actorOf(ctx), { action: "auth.throttle_cleared", target: data.address, details: { address: data.address, counters: cleared.length } });
    return { cleared: cleared.length };
  });
}
