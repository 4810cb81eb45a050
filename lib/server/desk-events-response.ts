import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getDatabase } from "../../db";
import { requireCapability } from "../auth/context";
import { getSessionUser, type SessionClaims } from "../auth/session-user";
import { getEnv } from "../config";
import { getDeskEventHub } from "../events/event-hub";
import { openEventStream } from "../events/event-stream";

/** How often an open stream asks whether its session still counts (signed out, deactivated, expired). */
const SESSION_CHECK_MS = 30_000;
/**
 * A page's first connection asks for what changed since it was rendered (`?since=`, ms). An event's time is
 * its transaction's, which may start before a render that does not yet see its commit: hence the margin.
 * A `since` older than a few minutes is no page load's: it is ignored.
 */
const SINCE_MARGIN_MS = 5_000;
const SINCE_MAX_AGE_MS = 5 * 60_000;

function sinceTimeOf(request: NextRequest): number | null {
  const since = Number(request.nextUrl.searchParams.get("since"));
  if (!Number.isSafeInteger(since) || since <= 0 || Date.now() - since > SINCE_MAX_AGE_MS) return null;
  return since - SINCE_MARGIN_MS;
}

/**
 * `GET /api/events` for the signed-in staff member: the instance's event stream, filtered by their role.
 * The cookie's own expiry (the idle time-out) ends the stream too; the page then reconnects, which
 * succeeds only if another tab kept the session alive.
 */
export async function deskEventsResponse(request: NextRequest): Promise<Response> {
  const claims = (await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET })) as (SessionClaims & { exp?: unknown }) | null;
  const database = await getDatabase();
  const maxHours = getEnv().SESSION_MAX_HOURS;
  const user = requireCapability({ db: database.db, user: await getSessionUser(database.db, claims, { maxHours }) }, "processes.read");
  const expiresAt = typeof claims?.exp === "number" ? claims.exp * 1000 : 0;
  const stream = openEventStream({
    hub: getDeskEventHub(),
    role: user.role,
    lastEventId: request.headers.get("last-event-id"),
    sinceTime: sinceTimeOf(request),
    signal: request.signal,
    stillSignedIn: async () => Date.now() < expiresAt && (await getSessionUser(database.db, claims, { maxHours })) !== null,
    sessionCheckMs: SESSION_CHECK_MS,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
