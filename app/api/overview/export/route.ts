import { getViewer } from "@/i18n/viewer";
import { exportOverviewCsv } from "@/lib/overview/export-overview-csv";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";

export const dynamic = "force-dynamic";

// Failures are answered by routeHandler: the verb's words for a DeskError, only a reference for the rest.
export const GET = routeHandler(async (request: Request) => {
  const ctx = await getCtx();
  // The same days as the page the link was on: the viewer's zone.
  const { timeZone } = await getViewer();
  const csv = await exportOverviewCsv(ctx, Object.fromEntries(new URL(request.url).searchParams), timeZone);
  return new Response(csv.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
