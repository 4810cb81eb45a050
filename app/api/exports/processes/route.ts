import { exportProcesses } from "@/lib/processes/export-processes";
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
  const file = await exportProcesses(ctx, toListProcessesInput(loadProcessSearchParams(raw)), { signal: request.signal });
  return csvAnswer(file);
});
