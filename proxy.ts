import { getToken, type JWT } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { withoutUntrustedForwarding } from "./lib/auth/client-address";
import { can, type StaffRole } from "./lib/auth/permissions";
import { capabilityFor } from "./lib/auth/route-rules";
import { reissuedSessionToken, sessionCookieName, sessionLifetimeEndsAt, sessionMaxAgeSeconds } from "./lib/auth/session-cookie";
import { getEnv } from "./lib/config";
import { contentSecurityPolicy } from "./lib/security/content-security-policy";
import { crossSiteDownloadPage, isCrossSiteDownload } from "./lib/security/cross-site-downloads";
import { STRICT_TRANSPORT_SECURITY } from "./lib/security/strict-transport";

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
  // Its own redirects and refusals too, which next.config.js's headers may not reach.
  answer.headers.set(STRICT_TRANSPORT_SECURITY.key, STRICT_TRANSPORT_SECURITY.value);
  return answer;
}

/**
 * Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders: every
 * answer that renders a page (a rewrite to /forbidden too) must pass these headers on. A client's own
 * X-Forwarded-For is dropped unless proxies are trusted (lib/auth/client-address.ts).
 */
function withNonce(request: NextRequest, csp: string) {
  const headers = withoutUntrustedForwarding(request.headers, getEnv().TRUSTED_PROXY_HOPS);
  headers.set("Content-Security-Policy", csp);
  return { request: { headers } };
}

function next(request: NextRequest, csp: string) {
  return NextResponse.next(withNonce(request, csp));
}

async function decide(request: NextRequest, csp: string) {
  const { pathname, search } = request.nextUrl;
  const need = capabilityFor(pathname);
  if (need === null) return next(request, csp);
  // One guard for every GET that sends personal data (lib/security/cross-site-downloads.ts).
  if (isCrossSiteDownload(pathname, request.headers.get("sec-fetch-site"))) {
    const page = crossSiteDownloadPage();
    return new NextResponse(page.body, { status: page.status, headers: page.headers });
  }

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  const isApi = pathname.startsWith("/api/");
  // Past SESSION_MAX_HOURS since sign-in the session is over, however recently it was used (pages and
  // verbs check the same against the database's clock: lib/auth/session-user.ts).
  const endsAt = sessionLifetimeEndsAt(token?.signedInAt, getEnv().SESSION_MAX_HOURS);
  if (!token?.uid || endsAt === null || endsAt <= Date.now()) {
    if (isApi) return NextResponse.json({ error: "sign in first" }, { status: 401 });
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (!can(token.role as StaffRole | undefined, need)) {
    if (isApi) return NextResponse.json({ error: "your role may not do this" }, { status: 403 });
    return NextResponse.rewrite(new URL(`/forbidden?need=${need}`, request.url), { status: 403, ...withNonce(request, csp) });
  }
  const answer = next(request, csp);
  // An open tab's event stream and presence heartbeats are not someone using the desk: they must not keep
  // an idle session alive.
  if (!BACKGROUND_REQUESTS.test(pathname)) await slideSession(request, answer, token);
  return answer;
}

const BACKGROUND_REQUESTS = /^\/api\/(events|presence)$/;

async function slideSession(request: NextRequest, answer: NextResponse, token: JWT) {
  const cookie = sessionCookieName();
  const secret = process.env.NEXTAUTH_SECRET;
  // A token next-auth had to split over several cookies (never ours, it is small) is left to next-auth.
  if (!secret || !request.cookies.has(cookie.name)) return;
  const env = getEnv();
  const reissued = await reissuedSessionToken(token, {
    secret,
    maxAgeSeconds: sessionMaxAgeSeconds(env.SESSION_IDLE_MINUTES),
    maxLifetimeHours: env.SESSION_MAX_HOURS,
  });
  if (!reissued) return;
  answer.cookies.set(cookie.name, reissued.value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookie.secure,
    expires: new Date(Date.now() + reissued.maxAgeSeconds * 1000),
  });
}

export const config = {
  // Everything but Next.js's own assets, and the webhook (it authenticates by its shared secret, answers
  // JSON to Assure, and is the desk's hot path: bench/webhooks.ts measured ~1,100/s with it left out here).
  // The icon (app/icon.svg) is public like favicon.ico: the sign-in page shows it too.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg$|api/webhooks/assure$|api/bench/).*)"],
};
