import { getCtx } from "@/lib/server/session";
import { errorResponse, fileResponse } from "@/lib/results/file-response";
import { getResultMediaFile } from "@/lib/results/serve-result-file";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ processId: string; slug: string }>;
}

/** One picture or video from a process's full result, served from the unpacked (cached) zip. */
export async function GET(request: Request, { params }: RouteContext) {
  try {
    const ctx = await getCtx();
    return fileResponse(await getResultMediaFile(ctx, await params), request.headers.get("range"));
  } catch (error) {
    return errorResponse(error);
  }
}
