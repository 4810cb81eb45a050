import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { verifyPassword } from "./password";
import type { StaffRole } from "./permissions";
import { clearAccount, lockedUntil, recordFailure, throttleKeys } from "./throttle";

export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

export type SignInResult =
  /** signedInAt: the database's clock, the one sessions_valid_after is set by (lib/auth/session-user.ts). */
  | { ok: true; user: StaffIdentity; signedInAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

const SignInInput = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1_000),
  address: z.string().max(100).nullish(),
});

/**
 * Checks a staff member's email and password. Every attempt is audited in the same transaction as its
 * throttle bookkeeping; the answer never says whether the account exists.
 */
export async function signInWithPassword(db: Db, input: unknown): Promise<SignInResult> {
  const { email, password, address = null } = SignInInput.parse(input);
  const keys = throttleKeys(email, address);
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  // What was typed for an unknown account may be anyone's address (or a password in the wrong field): the
  // audit log, kept for ever, records it only when it names a staff account.
  const actor = { id: null, email: user ? email : null, role: null, address };

  const heldUntil = await lockedUntil(db, keys);
  if (heldUntil) {
    await recordAudit(db, actor, { action: "auth.sign_in_refused", details: { reason: "throttled", until: heldUntil.toISOString() } });
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((heldUntil.getTime() - Date.now()) / 1000) };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);

  if (!user || !passwordOk || !user.active) {
    const reason = !user ? "unknown account" : !user.active ? "deactivated" : "wrong password";
    await db.transaction(async (tx) => {
      await recordFailure(tx, keys);
      await recordAudit(tx, { ...actor, id: user?.id ?? null, role: user?.role ?? null }, {
        action: "auth.sign_in_failed",
        target: user?.id ?? null,
        details: { reason },
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const signedInAt = await db.transaction(async (tx) => {
    await clearAccount(tx, email);
    const [row] = await tx
      .update(staffUsers)
      .set({ lastSignInAt: sql`now()` })
      .where(eq(staffUsers.id, user.id))
      .returning({ at: staffUsers.lastSignInAt });
    await recordAudit(tx, { id: user.id, email, role: user.role, address }, { action: "auth.sign_in", target: user.id });
    return row!.at!;
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, signedInAt };
}
