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
/** A 2xx body longer than the caller's cap: reading stopped there, and nothing of it is kept. */
export interface WireTooLarge {
  kind: "too-large";
  status: number;
  limitBytes: number;
  /** Content-Length when the server declared one. */
  declaredBytes: number | null;
}
export type WireOutcome = WireResponse | WireTimeout | WireNetworkError | WireTooLarge;

/** `maxBodyBytes`: read a successful answer's body as a stream and stop past this many bytes. */
export function exchange(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<Exclude<WireOutcome, WireTooLarge>>;
export function exchange(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number, maxBodyBytes: number | undefined): Promise<WireOutcome>;
export async function exchange(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number, maxBodyBytes?: number): Promise<WireOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchFn(url, { ...init, signal });
    const capped = maxBodyBytes !== undefined && response.ok;
    const body = capped ? await readCapped(response, maxBodyBytes) : new Uint8Array(await response.arrayBuffer());
    if (body === null) {
      const declared = Number(response.headers.get("content-length"));
      return { kind: "too-large", status: response.status, limitBytes: maxBodyBytes!, declaredBytes: Number.isFinite(declared) && declared > 0 ? declared : null };
    }
    return { kind: "response", status: response.status, statusText: response.statusText, headers: response.headers, body };
  } catch (error) {
    if (signal.aborted || isTimeoutError(error)) return { kind: "timeout", cause: error };
    return { kind: "network", reason: networkReason(error), cause: error };
  }
}

/**
 * The body, or null as soon as it passes `limit` bytes (the rest is not read: the stream is canceled).
 * A Content-Length over the limit is refused before the first byte.
 */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
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
