import { exportAuditCsv } from "@/lib/audit/list-audit";
import { httpStatusOf } from "@/lib/errors";
import { getCtx } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const ctx = await getCtx();
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const csv = await exportAuditCsv(ctx, filters);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return Response.json({ error: error instanceof Error ? error.message : "failed" }, { status: httpStatusOf(error) });
  }
}
