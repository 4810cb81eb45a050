import "server-only";
import { unstable_rethrow } from "next/navigation";
import { answerFor, errorBody } from "../error-answer";
import { newRequestId, withRequestId } from "../log/request-context";

type Format = "json" | "text";

/**
 * The one place a route handler's failure becomes an HTTP answer: the status of the DeskError, its words as
 * `{"error": …}` (or plain text for files opened on their own), and for anything unexpected a 500 that
 * carries only a reference to the logged details.
 */
export function errorResponse(error: unknown, options: { format?: Format; headers?: Record<string, string> } = {}): Response {
  const answer = answerFor(error, "route handler");
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...options.headers };
  if (options.format === "text") {
    return new Response(answer.message, { status: answer.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
  return Response.json(errorBody(answer), { status: answer.status, headers });
}

/**
 * Wraps a route handler: every log line of the request carries one request id (a proxy's `X-Request-Id`
 * when it is plain, else a new one), and whatever the handler throws is answered by `errorResponse`.
 */
export function routeHandler<Args extends [Request, ...unknown[]]>(
  handler: (...args: Args) => Promise<Response>,
  options: { format?: Format; headers?: Record<string, string> } = {},
): (...args: Args) => Promise<Response> {
  return (...args) =>
    withRequestId(newRequestId(args[0].headers.get("x-request-id")), async () => {
      try {
        return await handler(...args);
      } catch (error) {
        // redirect() and notFound() are Next.js's control flow, not failures.
        unstable_rethrow(error);
        return errorResponse(error, options);
      }
    });
}
