import { z } from "zod";
import type { AssureConfig } from "./config";
import { AssureAuthError, AssureTimeoutError, AssureUnavailableError } from "./errors";
import { withRetries, parseRetryAfter, type AttemptOutcome, type RetryTiming } from "./retry";
import { bodyText, exchange, type FetchLike } from "./transport";

/**
 * OAuth 2.0 client-credentials tokens for the Assure API (README.md "Authentication").
 * One token is cached until `refreshMarginMs` before it expires; callers arriving while a refresh runs share
 * it. The token is never logged and never put in an error.
 */

const OPERATION = "token request";
/** When the token answer has no usable `expires_in`, assume a short life rather than none. */
const FALLBACK_EXPIRES_IN_S = 300;

const TokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  token_type: z.string().optional(),
});

const OAuthErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export interface TokenSourceDeps {
  fetch: FetchLike;
  timing: RetryTiming;
  refreshMarginMs: number;
}

interface CachedToken {
  token: string;
  refreshAt: number;
}

export class TokenSource {
  private cached: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly config: AssureConfig,
    private readonly deps: TokenSourceDeps,
  ) {}

  /** A valid access token: the cached one, the refresh already running, or a new one. */
  get(): Promise<string> {
    const cached = this.cached;
    if (cached && this.deps.timing.now() < cached.refreshAt) return Promise.resolve(cached.token);
    this.inFlight ??= this.requestToken().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * Forget `rejected` after Assure answered 401 to it. Only that token is dropped: when several requests were
   * refused with the same token, the first forces a refresh and the others share it.
   */
  invalidate(rejected: string): void {
    if (this.cached?.token === rejected) this.cached = undefined;
  }

  private async requestToken(): Promise<string> {
    const { config, deps } = this;
    const init: RequestInit = {
      method: "POST",
      headers: {
        Authorization: `Basic ${basicCredentials(config.clientId, config.clientSecret)}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: new URLSearchParams({ grant_type: "client_credentials", scope: config.scope }).toString(),
    };
    // Asking for a token changes nothing on the server, so every transient failure may be retried.
    const answer = await withRetries(config.maxRetries, deps.timing, async (n): Promise<AttemptOutcome<Uint8Array>> => {
      const outcome = await exchange(deps.fetch, config.tokenUrl, init, config.timeoutMs);
      if (outcome.kind === "timeout") {
        const error = new AssureTimeoutError(OPERATION, config.timeoutMs, n, { cause: outcome.cause });
        return { ok: false, retryable: true, error };
      }
      if (outcome.kind === "network") {
        const error = new AssureUnavailableError(OPERATION, undefined, n, outcome.reason, { cause: outcome.cause });
        return { ok: false, retryable: true, error };
      }
      if (outcome.status >= 200 && outcome.status < 300) return { ok: true, value: outcome.body };
      const oauth = readOAuthError(outcome.body);
      if (outcome.status === 429 || outcome.status >= 500) {
        const reason = `token endpoint answered ${outcome.status}${oauth.error ? ` ${oauth.error}` : ""}`;
        const error = new AssureUnavailableError(OPERATION, outcome.status, n, reason);
        const retryAfterMs = parseRetryAfter(outcome.headers.get("retry-after"), deps.timing.now());
        return { ok: false, retryable: true, error, retryAfterMs };
      }
      const said = [oauth.error, oauth.description].filter(Boolean).join(": ");
      const message = `Assure token endpoint refused the client credentials: ${outcome.status}${said ? ` ${said}` : ""}`;
      return { ok: false, retryable: false, error: new AssureAuthError(message, outcome.status, oauth.error) };
    });

    const parsed = TokenAnswerSchema.safeParse(parseJsonOrUndefined(answer));
    if (!parsed.success) {
      throw new AssureAuthError("Assure token endpoint answered without an access_token", undefined, undefined);
    }
    const expiresInMs = (validExpiresIn(parsed.data.expires_in) ?? FALLBACK_EXPIRES_IN_S) * 1000;
    // A token shorter-lived than twice the margin is still used for half its life.
    const margin = Math.min(deps.refreshMarginMs, expiresInMs / 2);
    this.cached = { token: parsed.data.access_token, refreshAt: deps.timing.now() + expiresInMs - margin };
    return parsed.data.access_token;
  }
}

/**
 * `client_secret_basic` as RFC 6749 §2.3.1 defines it: id and secret are form-urlencoded before base64, which
 * changes nothing for the usual letters, digits, `-`, `_` and `.`.
 */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`, "utf8").toString("base64");
}

function validExpiresIn(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

function parseJsonOrUndefined(body: Uint8Array): unknown {
  try {
    return JSON.parse(bodyText(body));
  } catch {
    return undefined;
  }
}

function readOAuthError(body: Uint8Array): { error?: string; description?: string } {
  const parsed = OAuthErrorSchema.safeParse(parseJsonOrUndefined(body));
  if (!parsed.success) return {};
  return { error: parsed.data.error, description: parsed.data.error_description?.slice(0, 200) };
}
