import { getViewer } from "@/i18n/viewer";
import { exportAuditCsv } from "@/lib/audit/list-audit";
import { csvFileName } from "@/lib/exports/csv-format";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";

export const dynamic = "force-dynamic";

// Failures are answered by routeHandler: the verb's words for a DeskError, only a reference for the rest.
export const GET = routeHandler(async (request: Request) => {
  const ctx = await getCtx();
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  // The page's from and to are days where the viewer is: the file holds the rows the page shows.
  const { timeZone } = await getViewer();
  const csv = await exportAuditCsv(ctx, { ...filters, tz: timeZone });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName("audit")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
