import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { verifyPassword } from "./password";
import type { StaffRole } from "./permissions";
import { claimAttempt, settleSuccess } from "./throttle";
import type { StaffPreferences } from "../staff/preferences";

export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** The user's own choices; read with the session (lib/auth/session-user.ts), absent right after sign-in. */
  preferences?: StaffPreferences;
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
 * Checks a staff member's email and password. The attempt is counted before the password is checked
 * (lib/auth/throttle.ts); every attempt is audited, the typed email only when it names an account (a
 * password typed into the email field must not reach the log). The answer never says whether the
 * account exists.
 */
export async function signInWithPassword(db: Db, input: unknown): Promise<SignInResult> {
  const { email, password, address = null } = SignInInput.parse(input);
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const target = { email, address, staffUserId: user?.id ?? null };
  const actor = { id: user?.id ?? null, email: user ? email : null, role: user?.role ?? null, address };

  const claim = await claimAttempt(db, target);
  if (!claim.ok) {
    await recordAudit(db, actor, {
      action: "auth.sign_in_refused",
      target: user?.id ?? null,
      details: { reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds },
    });
    return { ok: false, reason: "locked", retryAfterSeconds: claim.retryAfterSeconds };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    // The attempt was counted as a failure already; only the record is left to write.
    const reason = !user ? "unknown account" : !user.active ? "deactivated" : "wrong password";
    await recordAudit(db, actor, { action: "auth.sign_in_failed", target: user?.id ?? null, details: { reason } });
    return { ok: false, reason: "invalid" };
  }

  const signedInAt = await db.transaction(async (tx) => {
    await settleSuccess(tx, target);
    const [row] = await tx
      .update(staffUsers)
      .set({ lastSignInAt: sql`now()` })
      .where(eq(staffUsers.id, user.id))
      .returning({ at: staffUsers.lastSignInAt });
    await recordAudit(tx, actor, { action: "auth.sign_in", target: user.id });
    return row!.at!;
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, signedInAt };
}
