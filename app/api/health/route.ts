import { getDatabase } from "@/db";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the desk can reach its database, 503 otherwise. */
export async function GET() {
  const report = await checkHealth(getDatabase);
  return Response.json(report, {
    status: report.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
