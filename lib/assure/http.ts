import type { AssureConfig } from "./config";
import { AssureBodyTooLargeError, AssureTimeoutError, AssureUnavailableError } from "./errors";
import { apiErrorFrom } from "./problem";
import { parseRetryAfter, withRetries, type AttemptOutcome, type RetryTiming } from "./retry";
import type { TokenSource } from "./token";
import { exchange, type FetchLike, type WireOutcome, type WireResponse } from "./transport";

/**
 * Authorised requests to the Assure API: bearer token, one retry after a 401 with a fresh token, a time-out on
 * every attempt, and retries of transient failures.
 *
 * Which failures are retried:
 * - GET and DELETE (and uploads that replace, see `idempotent`): network errors, time-outs, 429 and 5xx.
 * - Other POSTs (create dossier, create process, start verification) only on 429 and 503. Those answers say the
 *   server refused the request before doing it (rate limit, service not taking requests), so repeating it
 *   cannot create a second dossier or start a verification twice. After a network error, a time-out or any other
 *   5xx the request may have been carried out, so it is not repeated: the caller gets the error and can look.
 * - A 401 is repeated once, after a forced token refresh, whatever the method: the request was refused at the
 *   door and never processed.
 */

export interface AssureRequest {
  /** The client method's name, used in error messages. */
  operation: string;
  method: "GET" | "POST" | "DELETE";
  /** Relative to the base URL, from `assurePaths`. */
  path: string;
  /** Sent as JSON when present. */
  json?: unknown;
  accept?: string;
  /** Safe to repeat after an unclear failure. Defaults to true for GET and DELETE. */
  idempotent?: boolean;
  /** A 2xx body longer than this is not read on: AssureBodyTooLargeError, not retried. */
  maxBodyBytes?: number;
}

export interface HttpDeps {
  fetch: FetchLike;
  timing: RetryTiming;
  tokens: TokenSource;
}

export class AssureHttp {
  constructor(
    private readonly config: AssureConfig,
    private readonly deps: HttpDeps,
  ) {}

  /** The 2xx answer; any other status throws. */
  async send(request: AssureRequest): Promise<WireResponse> {
    return (await this.run(request, false))!;
  }

  /** The 2xx answer, or null for a 404. A 404 is final: it is not retried. */
  async sendOrNull(request: AssureRequest): Promise<WireResponse | null> {
    return this.run(request, true);
  }

  private run(request: AssureRequest, nullOn404: boolean): Promise<WireResponse | null> {
    const { config, deps } = this;
    const idempotent = request.idempotent ?? request.method !== "POST";
    let refreshedAfter401 = false;

    const attempt = async (n: number): Promise<AttemptOutcome<WireResponse | null>> => {
      let token = await deps.tokens.get();
      let outcome = await this.exchangeWith(request, token);
      if (outcome.kind === "response" && outcome.status === 401 && !refreshedAfter401) {
        refreshedAfter401 = true;
        deps.tokens.invalidate(token);
        token = await deps.tokens.get();
        outcome = await this.exchangeWith(request, token);
      }

      if (outcome.kind === "too-large") {
        // The same request would get the same answer: repeating it would only read the cap's worth again.
        return { ok: false, retryable: false, error: new AssureBodyTooLargeError(request.operation, outcome.limitBytes, outcome.declaredBytes) };
      }
      if (outcome.kind === "timeout") {
        const error = new AssureTimeoutError(request.operation, config.timeoutMs, n, { cause: outcome.cause });
        return { ok: false, retryable: idempotent, error };
      }
      if (outcome.kind === "network") {
        const error = new AssureUnavailableError(request.operation, undefined, n, outcome.reason, { cause: outcome.cause });
        return { ok: false, retryable: idempotent, error };
      }
      const { status } = outcome;
      if (status >= 200 && status < 300) return { ok: true, value: outcome };
      if (status === 404 && nullOn404) return { ok: true, value: null };

      const apiError = apiErrorFrom(request, outcome);
      if (status === 429 || status >= 500) {
        const reason = `answered ${status}${apiError.title ? ` ${apiError.title}` : ""}`;
        const error = new AssureUnavailableError(request.operation, status, n, reason, { cause: apiError });
        const retryable = idempotent || status === 429 || status === 503;
        const retryAfterMs = parseRetryAfter(outcome.headers.get("retry-after"), deps.timing.now());
        return { ok: false, retryable, error, retryAfterMs };
      }
      return { ok: false, retryable: false, error: apiError };
    };

    return withRetries(config.maxRetries, deps.timing, attempt);
  }

  private exchangeWith(request: AssureRequest, token: string): Promise<WireOutcome> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: request.accept ?? "application/json",
    };
    let body: string | undefined;
    if (request.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(request.json);
    }
    const url = `${this.config.baseUrl}${request.path}`;
    return exchange(this.deps.fetch, url, { method: request.method, headers, body }, this.config.timeoutMs, request.maxBodyBytes);
  }
}
