import { getCtx } from "@/lib/server/session";
import { FILE_ERROR_ANSWER, fileResponse } from "@/lib/results/file-response";
import { routeHandler } from "@/lib/server/http-answer";
import { getResultMediaFile } from "@/lib/results/serve-result-file";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ processId: string; slug: string }>;
}

/** One picture or video from a process's full result, served from the unpacked (cached) zip. */
export const GET = routeHandler(async (request: Request, { params }: RouteContext) => {
  const ctx = await getCtx();
  return fileResponse(await getResultMediaFile(ctx, await params), request.headers.get("range"));
}, FILE_ERROR_ANSWER);
