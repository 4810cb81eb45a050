import { AssureConfigError } from "./errors";

/** Signicat's documented production addresses (README.md "Authentication"). */
export const ASSURE_DEFAULT_BASE_URL = "https://api.signicat.com/assure";
export const ASSURE_DEFAULT_TOKEN_URL = "https://api.signicat.com/auth/open/connect/token";
export const ASSURE_DEFAULT_SCOPE = "signicat-api";
export const ASSURE_DEFAULT_TIMEOUT_MS = 10_000;
export const ASSURE_DEFAULT_MAX_RETRIES = 2;

/** Everything the client needs to reach one Assure account. Built by the app's config module, never from env here. */
export interface AssureConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** OAuth scope asked for at the token endpoint. */
  scope: string;
  /** Time-out of one HTTP attempt, body included. */
  timeoutMs: number;
  /** Extra attempts after the first, for requests that may be retried. */
  maxRetries: number;
}

/** What callers pass: credentials are required, everything else has the documented default. */
export type AssureConfigInput = Pick<AssureConfig, "clientId" | "clientSecret"> & Partial<AssureConfig>;

export function resolveAssureConfig(input: AssureConfigInput): AssureConfig {
  const config: AssureConfig = {
    baseUrl: (input.baseUrl ?? ASSURE_DEFAULT_BASE_URL).replace(/\/+$/, ""),
    tokenUrl: input.tokenUrl ?? ASSURE_DEFAULT_TOKEN_URL,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    scope: input.scope ?? ASSURE_DEFAULT_SCOPE,
    timeoutMs: input.timeoutMs ?? ASSURE_DEFAULT_TIMEOUT_MS,
    maxRetries: input.maxRetries ?? ASSURE_DEFAULT_MAX_RETRIES,
  };
  const problems: string[] = [];
  if (!isHttpUrl(config.baseUrl)) problems.push("baseUrl must be an http(s) URL");
  if (!isHttpUrl(config.tokenUrl)) problems.push("tokenUrl must be an http(s) URL");
  if (!config.clientId) problems.push("clientId is required");
  if (!config.clientSecret) problems.push("clientSecret is required");
  if (!config.scope) problems.push("scope must not be empty");
  if (!Number.isFinite(config.timeoutMs) || config.timeoutMs <= 0) problems.push("timeoutMs must be positive");
  if (!Number.isInteger(config.maxRetries) || config.maxRetries < 0) problems.push("maxRetries must be a whole number ≥ 0");
  if (problems.length > 0) throw new AssureConfigError(problems);
  return config;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
