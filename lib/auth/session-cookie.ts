import { encode, type JWT } from "next-auth/jwt";

/**
 * The session cookie's lifetime is the idle time-out (SESSION_IDLE_MINUTES): each issue of the cookie
 * expires that long after it. Used, it is issued again (at most once per UPDATE_AGE_SECONDS), so only a
 * session left unused that long ends. next-auth re-issues it only on its own /api/auth/session, which
 * this desk's pages never call; the proxy does it for every request it lets through.
 */
export const SESSION_UPDATE_AGE_SECONDS = 60;

export function sessionMaxAgeSeconds(idleMinutes: number): number {
  return idleMinutes * 60;
}

/** next-auth's own name for the cookie: with a `__Secure-` prefix when the desk is served over https. */
export function sessionCookieName(nextAuthUrl: string | undefined = process.env.NEXTAUTH_URL): { name: string; secure: boolean } {
  const secure = nextAuthUrl?.startsWith("https://") ?? false;
  return { name: secure ? "__Secure-next-auth.session-token" : "next-auth.session-token", secure };
}

/** The token issued again with a fresh expiry, or null when its last issue is younger than the update age. */
export async function reissuedSessionToken(token: JWT, options: { secret: string; maxAgeSeconds: number; nowMs?: number }): Promise<string | null> {
  const now = (options.nowMs ?? Date.now()) / 1000;
  const exp = typeof token.exp === "number" ? token.exp : 0;
  if (exp - now > options.maxAgeSeconds - SESSION_UPDATE_AGE_SECONDS) return null;
  // encode() sets iat, exp and jti afresh; everything else (uid, role, signedInAt) stays as it was.
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return encode({ token: claims, secret: options.secret, maxAge: options.maxAgeSeconds });
}
