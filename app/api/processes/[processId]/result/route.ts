import { getDatabase } from "@/db";
import { errorResponse, fileResponse } from "@/lib/results/file-response";
import { getResultZipFile } from "@/lib/results/serve-result-file";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ processId: string }>;
}

/** The original full-result zip, as stored. Access control: see getResultZipFile. */
export async function GET(_request: Request, { params }: RouteContext) {
  try {
    const database = await getDatabase();
    return fileResponse(await getResultZipFile(database.db, await params));
  } catch (error) {
    return errorResponse(error);
  }
}
