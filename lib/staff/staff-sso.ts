import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { NotFound } from "../errors";
import { parseInput } from "../parse-input";

const SsoInput = z.object({ userId: z.string().min(1).max(100), allowed: z.boolean() });

/**
 * Whether this account may be signed in to through the company's SSO (lib/auth/sso.ts): an SSO login
 * with the account's email is linked to it only when this is on. Turning it off ends the account's
 * sessions and unlinks the SSO identity, so that turning it on again needs a verified email once more.
 */
export async function setStaffSso(ctx: Ctx, input: unknown) {
  requireCapability(ctx, "desk.admin");
  const { userId, allowed } = parseInput(SsoInput, input, "Invalid SSO setting");
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select({ id: staffUsers.id, email: staffUsers.email, ssoAllowed: staffUsers.ssoAllowed }).from(staffUsers).where(eq(staffUsers.id, userId)).for("update");
    if (!user) throw new NotFound("No such staff user", { code: "noStaffUser" });
    await tx
      .update(staffUsers)
      .set(allowed ? { ssoAllowed: true, updatedAt: sql`now()` } : { ssoAllowed: false, ssoSubject: null, ssoIssuer: null, updatedAt: sql`now()`, sessionsValidAfter: sql`now()` })
      .where(eq(staffUsers.id, user.id));
    await recordAudit(tx, actorOf(ctx), { action: "staff.sso", target: user.id, details: { email: user.email, from: user.ssoAllowed, to: allowed } });
    return { id: user.id, ssoAllowed: allowed };
  });
}
