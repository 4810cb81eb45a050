export const dynamic = "force-dynamic";

/**
 * The framework's ceiling for bench/webhooks.ts: read the body, answer 202, nothing else. It exists only
 * when the server was started with DESK_BENCH_ROUTES=1 (the benchmark's server); everywhere else it is a 404.
 */
export async function POST(request: Request) {
  if (process.env.DESK_BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  await request.arrayBuffer();
  return Response.json({ accepted: true }, { status: 202 });
}
