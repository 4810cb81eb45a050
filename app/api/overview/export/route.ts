import { exportOverviewCsv } from "@/lib/overview/export-overview-csv";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";

export const dynamic = "force-dynamic";

// Failures are answered by routeHandler: the verb's words for a DeskError, only a reference for the rest.
export const GET = routeHandler(async (request: Request) => {
  const ctx = await getCtx();
  const csv = await exportOverviewCsv(ctx, Object.fromEntries(new URL(request.url).searchParams));
  return new Response(csv.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
