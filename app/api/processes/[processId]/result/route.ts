import { getCtx } from "@/lib/server/session";
import { FILE_ERROR_ANSWER, fileResponse } from "@/lib/results/file-response";
import { routeHandler } from "@/lib/server/http-answer";
import { getResultZipFile } from "@/lib/results/serve-result-file";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ processId: string }>;
}

/** The original full-result zip, as stored. Only for roles that may see full results (checked in getResultZipFile). */
export const GET = routeHandler(async (_request: Request, { params }: RouteContext) => {
  const ctx = await getCtx();
  return fileResponse(await getResultZipFile(ctx, await params));
}, FILE_ERROR_ANSWER);
