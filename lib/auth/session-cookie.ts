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

/**
 * When a session ends whatever its use (SESSION_MAX_HOURS after sign-in), in ms since the epoch, or null
 * for a token without a sign-in time (the desk refuses those anyway).
 */
export function sessionLifetimeEndsAt(signedInAt: unknown, maxHours: number): number | null {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return null;
  return signedInAt + maxHours * 3_600_000;
}

export interface ReissuedToken {
  value: string;
  /** The cookie's lifetime: the idle time, or less when the session's absolute lifetime ends sooner. */
  maxAgeSeconds: number;
}

/**
 * The token issued again with a fresh expiry, or null when its last issue is younger than the update age,
 * or when the session's absolute lifetime (`maxLifetimeHours` after sign-in) leaves nothing to re-issue.
 * The new expiry never passes that lifetime: use keeps a session alive, but not for ever.
 */
export async function reissuedSessionToken(
  token: JWT,
  options: { secret: string; maxAgeSeconds: number; maxLifetimeHours: number; nowMs?: number },
): Promise<ReissuedToken | null> {
  const nowMs = options.nowMs ?? Date.now();
  const now = nowMs / 1000;
  const exp = typeof token.exp === "number" ? token.exp : 0;
  const endsAtMs = sessionLifetimeEndsAt(token.signedInAt, options.maxLifetimeHours);
  if (endsAtMs === null) return null;
  const endsAt = endsAtMs / 1000;
  const target = Math.min(now + options.maxAgeSeconds, endsAt);
  if (target <= now) return null;
  // Issued again when that gains at least the update age, or when the token would outlive the lifetime.
  if (exp <= endsAt && target - exp < SESSION_UPDATE_AGE_SECONDS) return null;
  const maxAgeSeconds = Math.floor(target - now);
  // encode() sets iat, exp and jti afresh; everything else (uid, role, signedInAt) stays as it was.
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return { value: await encode({ token: claims, secret: options.secret, maxAge: maxAgeSeconds }), maxAgeSeconds };
}
