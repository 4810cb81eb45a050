import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { getSessionUser, type SessionClaims } from "./session-user";

/**
 * Signing out ends the session on the server, not only in the browser: a copy of the cookie taken
 * before (a shared machine, a proxy log, malware) is refused after it. The desk keeps no list of
 * sessions; it moves the user's `sessions_valid_after` (lib/auth/session-user.ts), which ends every
 * session of that user, in every browser. A cookie that no longer counts changes nothing.
 */
export async function endSessionOnSignOut(db: Db, claims: SessionClaims | null, options: { maxHours: number; address?: string | null }): Promise<boolean> {
  const user = await getSessionUser(db, claims, { maxHours: options.maxHours });
  if (!user) return false;
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ sessionsValidAfter: sql`now()` }).where(eq(staffUsers.id, user.id));
    await recordAudit(tx, { ...user, address: options.address ?? null }, { action: "auth.sign_out", target: user.id });
  });
  return true;
}
