/**
 * How a failed Assure call failed, read from the error's fields, not its class. In a Next.js build the
 * Assure client is cached on globalThis (lib/server/assure.ts) by whichever bundle layer asked first, and
 * each layer has its own copy of lib/assure/errors.ts: there `instanceof AssureApiError` answers false for
 * an AssureApiError from the other copy. (Seen in the production build: a sync started from the admin
 * screen counted 404s as errors instead of marking dossiers gone.)
 */
export type AssureFailure = "not-found" | "outage" | "other";

interface ErrorFields {
  operation?: unknown;
  status?: unknown;
  attempts?: unknown;
  invalidParams?: unknown;
}

export function classifyAssureFailure(error: unknown): AssureFailure {
  if (typeof error !== "object" || error === null) return "other";
  const fields = error as ErrorFields;
  if (typeof fields.operation !== "string") return "other";
  // AssureApiError: an answer with an error status.
  if (typeof fields.status === "number" && Array.isArray(fields.invalidParams)) {
    if (fields.status === 404) return "not-found";
    return fields.status >= 500 || fields.status === 429 ? "outage" : "other";
  }
  // AssureUnavailableError and AssureTimeoutError: no usable answer after the client's own retries.
  if (typeof fields.attempts === "number") return "outage";
  return "other";
}

/** Whether the error came from the Assure client (whose messages never carry tokens or personal data). */
export function isAssureClientError(error: unknown): error is Error & { operation: string } {
  return error instanceof Error && typeof (error as ErrorFields).operation === "string";
}
