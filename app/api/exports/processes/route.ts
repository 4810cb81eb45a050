import { exportProcesses } from "@/lib/processes/export-processes";
import { getViewer } from "@/i18n/viewer";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";
import { findIgnoredProcessParams, loadProcessSearchParams, toListProcessesInput } from "@/app/(desk)/processes/search-params";
import { csvAnswer, refuseIgnoredParams, searchParamsOf } from "../csv-answer";

export const dynamic = "force-dynamic";

/**
 * The queue's view as CSV: read from the queue's own URL parameters (its search-params.ts), every row, not
 * one page (`size` and `cursor` are not read). The client's disconnect aborts `request.signal`, which stops
 * the reading. Failures before the first byte are answered by routeHandler (400 naming the parameter, 403…).
 */
export const GET = routeHandler(async (request: Request) => {
  const ctx = await getCtx();
  const raw = searchParamsOf(request);
  refuseIgnoredParams(findIgnoredProcessParams(raw));
  const input = toListProcessesInput(loadProcessSearchParams(raw));
  // The same days as the list the link was on: the viewer's zone.
  const { timeZone } = await getViewer();
  const file = await exportProcesses(ctx, { ...input, filters: { ...input.filters, tz: timeZone } }, { signal: request.signal });
  return csvAnswer(file);
});
