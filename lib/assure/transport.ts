/**
 * One HTTP exchange with a time-out covering the whole answer, body included. Failures come back as values so
 * that callers decide whether to retry; nothing here sees which request it carries beyond the URL.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface WireResponse {
  kind: "response";
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
}
export interface WireTimeout {
  kind: "timeout";
  cause: unknown;
}
export interface WireNetworkError {
  kind: "network";
  /** A short reason such as "ECONNREFUSED"; never the request. */
  reason: string;
  cause: unknown;
}
export type WireOutcome = WireResponse | WireTimeout | WireNetworkError;

export async function exchange(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<WireOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchFn(url, { ...init, signal });
    const body = new Uint8Array(await response.arrayBuffer());
    return { kind: "response", status: response.status, statusText: response.statusText, headers: response.headers, body };
  } catch (error) {
    if (signal.aborted || isTimeoutError(error)) return { kind: "timeout", cause: error };
    return { kind: "network", reason: networkReason(error), cause: error };
  }
}

function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return "network error";
  // undici reports "fetch failed" with the system error (ECONNREFUSED, ENOTFOUND, ...) as its cause.
  const cause = error.cause as { code?: unknown } | undefined;
  const code = cause && typeof cause.code === "string" ? cause.code : undefined;
  return code ? `${error.message} (${code})` : error.message;
}

const decoder = new TextDecoder();

export function bodyText(body: Uint8Array): string {
  return decoder.decode(body);
}

export function contentTypeOf(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}
