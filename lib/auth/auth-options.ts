import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "../../db";
import { getEnv } from "../config";
import { clientAddress } from "./client-address";
import { SESSION_UPDATE_AGE_SECONDS, sessionMaxAgeSeconds } from "./session-cookie";
import { oidcProvider, resolveSsoUser, ssoIssuerOf, type SsoRefusal } from "./sso";
import type { SessionClaims } from "./session-user";
import { signInWithPassword } from "./sign-in";
import { endSessionOnSignOut } from "./sign-out";

export class SignInLocked extends Error {}

/** The sign-in page's ?error= for each SSO refusal (app/sign-in/sign-in-form.tsx words them). */
const SSO_REFUSAL_CODES: Record<SsoRefusal, string> = {
  deactivated: "AccountDeactivated",
  "no staff account": "NoStaffAccount",
  "sso not allowed": "SsoNotAllowed",
  "email not verified": "EmailNotVerified",
};

/**
 * next-auth v4 with JWT sessions: the cookie carries only the user's id; every request reads the user
 * again (lib/server/session.ts), so a role change or deactivation takes effect at once.
 */
export function authOptions(): NextAuthOptions {
  const env = getEnv();
  const oidc = oidcProvider(env);
  return {
    secret: env.NEXTAUTH_SECRET,
    // The idle time-out; the proxy re-issues the cookie as it is used (lib/auth/session-cookie.ts).
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds(env.SESSION_IDLE_MINUTES), updateAge: SESSION_UPDATE_AGE_SECONDS },
    // The token's own expiry: next-auth's default is 30 days whatever session.maxAge says, which would let a
    // copied cookie value outlive the idle time-out by weeks (only the browser's cookie expiry would end it).
    jwt: { maxAge: sessionMaxAgeSeconds(env.SESSION_IDLE_MINUTES) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    events: {
      // Ends the session on the server too, so that a copy of the cookie is refused (lib/auth/sign-out.ts).
      async signOut({ token }) {
        const database = await getDatabase();
        await endSessionOnSignOut(database.db, token as SessionClaims | null, { maxHours: env.SESSION_MAX_HOURS });
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const database = await getDatabase();
          const result = await signInWithPassword(database.db, {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            address: clientAddress(req?.headers, env.TRUSTED_PROXY_HOPS),
          });
          if (result.ok) return { ...result.user, signedInAt: result.signedInAt.getTime() };
          // next-auth turns a thrown error's message into the ?error= of the sign-in page.
          if (result.reason === "locked") throw new SignInLocked(`locked:${result.retryAfterSeconds}`);
          return null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== "oidc") return true;
        const database = await getDatabase();
        const claims = (profile ?? {}) as Record<string, unknown>;
        const staff = await resolveSsoUser(database.db, env, { issuer: ssoIssuerOf(env, claims), subject: account.providerAccountId, profile: claims });
        // The company's SSO vouched for who this is, so the answer may say why the desk refuses them.
        if (!staff.ok) return `/sign-in?error=${SSO_REFUSAL_CODES[staff.reason]}`;
        Object.assign(user, { id: staff.id, role: staff.role, signedInAt: staff.signedInAt.getTime() });
        return true;
      },
      async jwt({ token, user }) {
        // `user` is there only at sign-in. The role serves only the proxy's first check; pages and verbs
        // read the user afresh. signedInAt stays as it was when the token is refreshed (its iat moves), so
        // that sessions_valid_after can end this session (lib/auth/session-user.ts).
        if (user) {
          const { role, signedInAt } = user as { role?: string; signedInAt?: number };
          Object.assign(token, { uid: user.id, role, signedInAt });
        }
        return token;
      },
      async session({ session, token }) {
        return {
          ...session,
          uid: typeof token.uid === "string" ? token.uid : undefined,
          signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : undefined,
        };
      },
    },
  };
}
