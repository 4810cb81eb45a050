import { getToken, type JWT } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { withoutUntrustedForwarding } from "./lib/auth/client-address";
import { can, type StaffRole } from "./lib/auth/permissions";
import { capabilityFor } from "./lib/auth/route-rules";
import { reissuedSessionToken, sessionCookieName, sessionMaxAgeSeconds } from "./lib/auth/session-cookie";
import { getEnv } from "./lib/config";
import { contentSecurityPolicy } from "./lib/security/content-security-policy";

/**
 * The first gate for every page and route handler: anonymous visitors go to sign-in (pages) or get 401
 * (API), roles the matrix refuses get the forbidden page or 403. Pages and verbs check again. A session
 * it lets through has its cookie issued again, so that the idle time-out counts from the last use.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const answer = await decide(request, csp);
  answer.headers.set("Content-Security-Policy", csp);
  return answer;
}

/**
 * Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders. A client's
 * own X-Forwarded-For is dropped unless proxies are trusted (lib/auth/client-address.ts).
 */
function next(request: NextRequest, csp: string) {
  const headers = withoutUntrustedForwarding(request.headers, getEnv().TRUSTED_PROXY_HOPS);
  headers.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers } });
}

async function decide(request: NextRequest, csp: string) {
  const { pathname, search } = request.nextUrl;
  const need = capabilityFor(pathname);
  if (need === null) return next(request, csp);

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  const isApi = pathname.startsWith("/api/");
  if (!token?.uid) {
    if (isApi) return NextResponse.json({ error: "sign in first" }, { status: 401 });
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (!can(token.role as StaffRole | undefined, need)) {
    if (isApi) return NextResponse.json({ error: "your role may not do this" }, { status: 403 });
    return NextResponse.rewrite(new URL(`/forbidden?need=${need}`, request.url), { status: 403 });
  }
  const answer = next(request, csp);
  await slideSession(request, answer, token);
  return answer;
}

async function slideSession(request: NextRequest, answer: NextResponse, token: JWT) {
  const cookie = sessionCookieName();
  const secret = process.env.NEXTAUTH_SECRET;
  // A token next-auth had to split over several cookies (never ours, it is small) is left to next-auth.
  if (!secret || !request.cookies.has(cookie.name)) return;
  const maxAgeSeconds = sessionMaxAgeSeconds(getEnv().SESSION_IDLE_MINUTES);
  const value = await reissuedSessionToken(token, { secret, maxAgeSeconds });
  if (!value) return;
  answer.cookies.set(cookie.name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookie.secure,
    expires: new Date(Date.now() + maxAgeSeconds * 1000),
  });
}

export const config = {
  // Everything but Next.js's own assets, and the webhook (it authenticates by its shared secret, answers
  // JSON to Assure, and is the desk's hot path: bench/webhooks.ts measured ~1,100/s with it left out here).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/webhooks/assure$|api/bench/).*)"],
};
