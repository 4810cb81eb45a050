import { countPinnedViews } from "@/lib/saved-views/count-saved-views";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/**
 * The side bar's pinned views with their counts, `{ counts: [{ id, ok, count: { count, capped } }] }`: each
 * the view's list's own count (capped like the list's), at most ten, counted in parallel. The side bar asks
 * again when desk events arrive (throttled in app/(desk)/_saved-views/pinned-views.tsx).
 */
export const GET = routeHandler(async () => {
  const counts = await countPinnedViews(await getCtx());
  return Response.json({ counts }, { headers: { "Cache-Control": "private, no-store" } });
});
