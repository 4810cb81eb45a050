import { getEvidencePdf } from "@/lib/evidence/render-evidence";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ dossierId: string }>;
}

/** A dossier's evidence pack (PDF), streamed. Compliance and admin only; every generation is audited (in the verb). */
export const GET = routeHandler(async (_request: Request, { params }: RouteContext) => {
  const ctx = await getCtx();
  const { filename, body } = await getEvidencePdf(ctx, await params);
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
