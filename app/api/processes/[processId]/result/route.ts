import { getCtx } from "@/lib/server/session";
import { errorResponse, fileResponse } from "@/lib/results/file-response";
import { getResultZipFile } from "@/lib/results/serve-result-file";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ processId: string }>;
}

/** The original full-result zip, as stored. Only for roles that may see full results (checked in getResultZipFile). */
export async function GET(_request: Request, { params }: RouteContext) {
  try {
    const ctx = await getCtx();
    return fileResponse(await getResultZipFile(ctx, await params));
  } catch (error) {
    return errorResponse(error);
  }
}
