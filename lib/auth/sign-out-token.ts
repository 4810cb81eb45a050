import { createHash } from "node:crypto";

/**
 * The CSRF token next-auth wants in the body of `POST /api/auth/signout`, read on the server from its
 * `csrf-token` cookie (`token|sha256(token + secret)`), so the sign-out button is a plain form and the
 * desk pages load none of next-auth's client. Null when the cookie is missing or was not made with this
 * secret: the form then posts without it and next-auth answers with its own sign-out confirmation, which
 * carries a fresh token.
 */
export function signOutCsrfToken(cookieValue: string | undefined, secret: string | undefined): string | null {
  if (!cookieValue || !secret) return null;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return null;
  return createHash("sha256").update(`${token}${secret}`).digest("hex") === hash ? token : null;
}

/** next-auth's name for that cookie: `__Host-` prefixed when the desk is served over https. */
export function csrfCookieName(nextAuthUrl: string | undefined = process.env.NEXTAUTH_URL): string {
  return nextAuthUrl?.startsWith("https://") ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token";
}
