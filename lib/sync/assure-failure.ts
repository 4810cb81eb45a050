import { AssureApiError, AssureError, AssureTimeoutError, AssureUnavailableError } from "../assure/errors";

/** How a failed Assure call failed: the dossier or process is gone, Assure is out, or this item failed. */
export type AssureFailure = "not-found" | "outage" | "other";

export function classifyAssureFailure(error: unknown): AssureFailure {
  if (error instanceof AssureApiError) {
    if (error.status === 404) return "not-found";
    return error.status >= 500 || error.status === 429 ? "outage" : "other";
  }
  // No usable answer after the client's own retries.
  if (error instanceof AssureUnavailableError || error instanceof AssureTimeoutError) return "outage";
  return "other";
}

/** Whether the error came from the Assure client (whose messages never carry tokens or personal data). */
export function isAssureClientError(error: unknown): error is AssureError {
  return error instanceof AssureError;
}
