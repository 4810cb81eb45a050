import { getCtx } from "@/lib/server/session";
import { routeHandler } from "@/lib/server/http-answer";
import { listPresence, reportPresence } from "@/lib/presence/presence";
import { Forbidden, InvalidInput } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Who else has these processes open: `?process=ID` once per process. */
export const GET = routeHandler(async (request: Request) => {
  const ctx = await getCtx();
  const processIds = new URL(request.url).searchParams.getAll("process");
  return Response.json({ presence: await listPresence(ctx, { processIds }) }, { headers: { "Cache-Control": "no-store" } });
});

/** A process page's heartbeat or goodbye (`navigator.sendBeacon` on pagehide): `{ tabId, processId, mode, leave }`. */
export const POST = routeHandler(async (request: Request) => {
  // Only the desk's own pages report presence: another site cannot make someone appear on a process.
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") throw new Forbidden("Presence is reported by the desk's own pages only");
  const ctx = await getCtx();
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new InvalidInput("The body is not JSON");
  }
  await reportPresence(ctx, body);
  return new Response(null, { status: 204 });
});
