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

export type SsoRefusal = "deactivated" | "no staff account" | "sso not allowed" | "email not verified";

/** The ID token's issuer (openid-client has checked it against discovery), else the configured one. */
export function ssoIssuerOf(env: Env, profile: Profile): string {
  if (typeof profile.iss === "string" && profile.iss) return profile.iss;
  return (env.OIDC_ISSUER ?? "").replace(/\/+$/, "");
}

/**
 * Finds (or, with a role claim, creates) the staff user behind an SSO sign-in, keyed by issuer and
 * subject: a subject is unique only within its issuer, and an email can be reassigned at the provider.
 * - An SSO login is linked to an existing account (found by email) only when the provider says the email
 *   is verified (`email_verified: true`) and an admin allowed SSO for that account; otherwise anyone who
 *   could set that email at the provider would take the account over.
 * - The role claim is read again at every sign-in; when it changes the role, the user's older sessions
 *   end (sessions_valid_after), as when an admin changes it.
 * Refused (and audited): a deactivated user, an account that does not allow SSO, an unverified email,
 * or no staff account and no role claim. `signedInAt` is the database's clock, like sessions_valid_after
 * (lib/auth/session-user.ts).
 */
export async function resolveSsoUser(db: Db, env: Env, input: { issuer: string; subject: string; profile: Profile }) {
  const email = typeof input.profile.email === "string" ? input.profile.email.toLowerCase() : null;
  const emailVerified = input.profile.email_verified === true || input.profile.email_verified === "true";
  const claimedRole = roleFromClaim(env, input.profile);
  const identity = { via: "sso", issuer: input.issuer };
  return db.transaction(async (tx) => {
    // The linked account; rows linked before issuers were recorded (issuer null) are adopted by this one.
    let [existing] = await tx
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.ssoSubject, input.subject), or(eq(staffUsers.ssoIssuer, input.issuer), isNull(staffUsers.ssoIssuer))))
      .limit(1);
    let linking = false;
    if (!existing && email) {
      [existing] = await tx.select().from(staffUsers).where(eq(staffUsers.email, email));
      linking = Boolean(existing);
    }
    const refuse = async (reason: SsoRefusal, target: string | null) => {
      const actor = { id: existing?.id ?? null, email, role: existing?.role ?? claimedRole };
      await recordAudit(tx, actor, { action: "auth.sign_in_failed", target, details: { reason, ...identity } });
      return { ok: false as const, reason };
    };
    if (existing) {
      if (!existing.active) return refuse("deactivated", existing.id);
      // Linked to another SSO identity already, or SSO not allowed for it by an admin.
      if (linking && existing.ssoSubject !== null) return refuse("no staff account", existing.id);
      if (!existing.ssoAllowed) return refuse("sso not allowed", existing.id);
      if (linking && !emailVerified) return refuse("email not verified", existing.id);
      const role = claimedRole ?? existing.role;
      const roleChanged = role !== existing.role;
      const [updated] = await tx
        .update(staffUsers)
        .set({
          ssoSubject: input.subject,
          ssoIssuer: input.issuer,
          role,
          lastSignInAt: sql`now()`,
          // A role the claim changed ends the sessions begun under the old one (this one starts at now()).
          ...(roleChanged ? { sessionsValidAfter: sql`now()`, updatedAt: sql`now()` } : {}),
        })
        .where(eq(staffUsers.id, existing.id))
        .returning({ id: staffUsers.id, role: staffUsers.role, signedInAt: staffUsers.lastSignInAt });
      const details = { ...identity, ...(linking ? { linked: true } : {}), ...(roleChanged ? { roleFrom: existing.role, roleTo: role } : {}) };
      await recordAudit(tx, { id: existing.id, email, role }, { action: "auth.sign_in", target: existing.id, details });
      return { ok: true as const, ...updated!, signedInAt: updated!.signedInAt! };
    }
    if (!claimedRole || !email) return refuse("no staff account", null);
    const name = typeof input.profile.name === "string" ? input.profile.name : email;
    const [created] = await tx
      .insert(staffUsers)
      .values({ email, name, role: claimedRole, ssoSubject: input.subject, ssoIssuer: input.issuer, ssoAllowed: true, lastSignInAt: sql`now()` })
      .returning({ id: staffUsers.id, role: staffUsers.role, signedInAt: staffUsers.lastSignInAt });
    await recordAudit(tx, { id: created!.id, email, role: claimedRole }, { action: "auth.sign_in", target: created!.id, details: { ...identity, created: true } });
    return { ok: true as const, ...created!, signedInAt: created!.signedInAt! };
  });
}
