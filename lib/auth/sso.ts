import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Db } from "../../db/client";
import { STAFF_ROLES, staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Env } from "../config";
import type { StaffRole } from "./permissions";

type Profile = Record<string, unknown>;

/** The company's SSO as a generic OpenID Connect provider, when OIDC_* are set. */
export function oidcProvider(env: Env): OAuthConfig<Profile> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: "Company SSO",
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({
      id: String(profile.sub),
      email: typeof profile.email === "string" ? profile.email : null,
      name: typeof profile.name === "string" ? profile.name : null,
    }),
  };
}

function roleFromClaim(env: Env, profile: Profile): StaffRole | null {
  if (!env.OIDC_ROLE_CLAIM) return null;
  const claim = profile[env.OIDC_ROLE_CLAIM];
  const values = Array.isArray(claim) ? claim : [claim];
  return (STAFF_ROLES as readonly unknown[]).find((role) => values.includes(role)) as StaffRole | undefined ?? null;
}

/**
 * Finds (or, with a role claim, creates) the staff user behind an SSO sign-in. Without a role claim the
 * user must have been added by an admin first (matched by email); the role is then the admin's choice.
 * Refused (and audited): a deactivated user, or no staff account and no role claim. `signedInAt` is the database's clock, like sessions_valid_after (lib/auth/session-user.ts).
 */
export async function resolveSsoUser(db: Db, env: Env, input: { subject: string; profile: Profile }) {
  const email = typeof input.profile.email === "string" ? input.profile.email.toLowerCase() : null;
  const claimedRole = roleFromClaim(env, input.profile);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(staffUsers)
      .where(or(eq(staffUsers.ssoSubject, input.subject), email ? and(eq(staffUsers.email, email), isNull(staffUsers.ssoSubject)) : sql`false`));
    const actor = { id: existing?.id ?? null, email, role: existing?.role ?? claimedRole };
    if (existing) {
      if (!existing.active) {
        await recordAudit(tx, actor, { action: "auth.sign_in_failed", target: existing.id, details: { reason: "deactivated", via: "sso" } });
        return { ok: false as const, reason: "deactivated" as const };
      }
      const role = claimedRole ?? existing.role;
      const [updated] = await tx
        .update(staffUsers)
        .set({ ssoSubject: input.subject, role, lastSignInAt: sql`now()` })
        .where(eq(staffUsers.id, existing.id))
        .returning({ id: staffUsers.id, role: staffUsers.role, signedInAt: staffUsers.lastSignInAt });
      await recordAudit(tx, { ...actor, role }, { action: "auth.sign_in", target: existing.id, details: { via: "sso" } });
      return { ok: true as const, ...updated!, signedInAt: updated!.signedInAt! };
    }
    if (!claimedRole || !email) {
      await recordAudit(tx, actor, { action: "auth.sign_in_failed", details: { reason: "no staff account", via: "sso" } });
      return { ok: false as const, reason: "no staff account" as const };
    }
    const name = typeof input.profile.name === "string" ? input.profile.name : email;
    const [created] = await tx
      .insert(staffUsers)
      .values({ email, name, role: claimedRole, ssoSubject: input.subject, lastSignInAt: sql`now()` })
      .returning({ id: staffUsers.id, role: staffUsers.role, signedInAt: staffUsers.lastSignInAt });
    await recordAudit(tx, { ...actor, id: created!.id }, { action: "auth.sign_in", target: created!.id, details: { via: "sso", created: true } });
    return { ok: true as const, ...created!, signedInAt: created!.signedInAt! };
  });
}
