import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { preferencesOf } from "../staff/preferences";
import type { StaffIdentity } from "./sign-in";

/** What the session cookie says about its owner (lib/auth/auth-options.ts puts it there). */
export interface SessionClaims {
  uid?: unknown;
  /** When the user signed in, in ms since the epoch, by the database's clock; it does not move on refresh. */
  signedInAt?: unknown;
}

/**
 * True when an admin ended the user's sessions (password reset, role change, deactivation) after this
 * one began. Both times come from the database's clock, so a fast or slow desk server cannot skew it; a
 * user created by their first SSO sign-in has both times equal, and that session stands.
 */
export function sessionEnded(sessionsValidAfter: Date, signedInAt: number): boolean {
  return sessionsValidAfter.getTime() > signedInAt;
}

/**
 * The staff member behind a session, read afresh on every request, or null when the session no longer
 * counts: no such user, deactivated, signed in before their sessions were ended, or signed in more than
 * SESSION_MAX_HOURS ago. A cookie without a
 * sign-in time (issued before the desk recorded one) counts as signed out.
 */
export async function getSessionUser(db: Db, claims: SessionClaims | null, options: { maxHours: number }): Promise<StaffIdentity | null> {
  if (typeof claims?.uid !== "string" || typeof claims.signedInAt !== "number" || !Number.isFinite(claims.signedInAt)) return null;
  const [user] = await db
    .select({
      // The absolute lifetime is measured on the database's clock, like the sign-in time it starts from.
      nowMs: sql<number>`extract(epoch from now()) * 1000`.mapWith(Number),
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      active: staffUsers.active,
      sessionsValidAfter: staffUsers.sessionsValidAfter,
      locale: staffUsers.locale,
      timeZone: staffUsers.timeZone,
      listDensity: staffUsers.listDensity,
      colorScheme: staffUsers.colorScheme,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, claims.uid));
  if (!user?.active || sessionEnded(user.sessionsValidAfter, claims.signedInAt)) return null;
  if (user.nowMs >= claims.signedInAt + options.maxHours * 3_600_000) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, preferences: preferencesOf(user) };
}
