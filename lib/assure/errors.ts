/**
 * Errors thrown by the Assure client. Messages name the operation and what Assure said about the request;
 * they never carry a token, a secret, or a response body that could hold personal data.
 */

/**
 * A Next.js build holds one copy of this module per bundle layer, and the Assure client (cached on
 * globalThis) throws whichever copy built it. A plain `instanceof` against the other copy would answer
 * false, so each error carries the kinds it is, under a registry-wide symbol, and `instanceof` reads them.
 * Kinds are explicit strings: a minifier may rename classes.
 */
const KINDS = Symbol.for("assure-review-desk.assure-error.kinds");

interface Branded {
  [KINDS]?: unknown;
}

export class AssureError extends Error {
  static readonly kind: string = "AssureError";

  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as Branded)[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    const kinds: string[] = [];
    for (let c: unknown = new.target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, "kind")) kinds.push((c as typeof AssureError).kind);
    }
    Object.defineProperty(this, KINDS, { value: kinds, enumerable: false });
    this.name = new.target.kind;
  }
}

/** The client was configured wrongly (missing credentials, a base URL that is not a URL). */
export class AssureConfigError extends AssureError {
  static override readonly kind: string = "AssureConfigError";

  constructor(readonly problems: string[]) {
    super(`Invalid Assure client configuration: ${problems.join("; ")}`);
  }
}

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface AssureApiErrorFields {
  /** Which client call failed, e.g. "getProcess". */
  operation: string;
  method: string;
  /** The request path relative to the base URL. */
  path: string;
  status: number;
  type?: string;
  title?: string;
  detail?: string;
  traceId?: string;
  code?: string;
  invalidParams: InvalidParam[];
  /** The start of a body that was not a problem document (a gateway page, plain text). */
  bodyText?: string;
}

/** Assure answered with an error status (4xx, or a 5xx after no retry was possible). */
export class AssureApiError extends AssureError implements AssureApiErrorFields {
  static override readonly kind: string = "AssureApiError";

  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly traceId?: string;
  readonly code?: string;
  readonly invalidParams: InvalidParam[];
  readonly bodyText?: string;

  constructor(fields: AssureApiErrorFields) {
    super(describeApiError(fields));
    this.operation = fields.operation;
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.type = fields.type;
    this.title = fields.title;
    this.detail = fields.detail;
    this.traceId = fields.traceId;
    this.code = fields.code;
    this.invalidParams = fields.invalidParams;
    this.bodyText = fields.bodyText;
  }
}

function describeApiError(f: AssureApiErrorFields): string {
  const said = [f.title, f.detail].filter(Boolean).join(" ");
  const params = f.invalidParams.map((p) => `${p.name}: ${p.reason}`).join("; ");
  const parts = [`Assure ${f.operation} answered ${f.status}`];
  if (said) parts.push(said);
  else if (f.bodyText !== undefined) parts.push("(no problem details in the answer)");
  if (params) parts.push(`invalid: ${params}`);
  if (f.traceId) parts.push(`traceId ${f.traceId}`);
  return parts.join(" — ");
}

/** Assure answered 2xx with a body that is not what the call expects (not JSON, not a process, not a zip). */
export class AssureResponseError extends AssureError {
  static override readonly kind: string = "AssureResponseError";

  constructor(
    readonly operation: string,
    /** What the body should have been, e.g. "a process". */
    readonly expected: string,
    /** Why it is not, without the body's values. */
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(`Assure ${operation} answered with a body that is not ${expected}: ${problems.join("; ")}`, options);
  }
}

/** Assure's answer was longer than the caller's cap; reading stopped there and nothing of it was kept. Not retried. */
export class AssureBodyTooLargeError extends AssureError {
  static override readonly kind: string = "AssureBodyTooLargeError";

  constructor(
    readonly operation: string,
    readonly limitBytes: number,
    /** What Content-Length declared, when the server sent one. */
    readonly declaredBytes: number | null,
  ) {
    super(`Assure ${operation} answered with more than ${limitBytes} bytes${declaredBytes ? ` (${declaredBytes} declared)` : ""}; the desk reads at most ${limitBytes}`);
  }
}

/** One attempt took longer than the configured time-out (and no retry was allowed or left). */
export class AssureTimeoutError extends AssureError {
  static override readonly kind: string = "AssureTimeoutError";

  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(`Assure ${operation} timed out after ${timeoutMs} ms${attemptsSuffix(attempts)}`, options);
  }
}

/** Assure could not be reached (network error) or answered 5xx/429 until the retries ran out. */
export class AssureUnavailableError extends AssureError {
  static override readonly kind: string = "AssureUnavailableError";

  constructor(
    readonly operation: string,
    /** The last HTTP status, absent for a network error. */
    readonly status: number | undefined,
    readonly attempts: number,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Assure ${operation} is unavailable: ${reason}${attemptsSuffix(attempts)}`, options);
  }

  /** Assure's problem details for the last answer, when it sent any. */
  get problem(): AssureApiError | undefined {
    return this.cause instanceof AssureApiError ? this.cause : undefined;
  }
}

/** The token endpoint refused the client credentials or answered something that is not a token. */
export class AssureAuthError extends AssureError {
  static override readonly kind: string = "AssureAuthError";

  constructor(
    message: string,
    readonly status: number | undefined,
    /** RFC 6749 error code such as `invalid_client`, when the endpoint sent one. */
    readonly oauthError: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function attemptsSuffix(attempts: number): string {
  return attempts > 1 ? ` (${attempts} attempts)` : "";
}

export function isAssureNotFound(error: unknown): error is AssureApiError {
  return error instanceof AssureApiError && error.status === 404;
}
