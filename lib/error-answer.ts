import { DeskError } from "./errors";
import { createLogger } from "./log/logger";
import { currentRequestId, newRequestId } from "./log/request-context";

const log = createLogger("boundary");

export interface ErrorAnswer {
  status: number;
  /** Safe to show: the verb's own words for a DeskError, a reference and nothing else for the rest. */
  message: string;
  /** The request id of an unexpected failure, as logged beside its details. */
  ref?: string;
}

/**
 * What a caller is told about a failure. The verbs' typed errors (`lib/errors.ts`) say what went wrong in
 * words meant for the user; anything else is a bug or an outage whose message may name a table, a host or a
 * person, so it is logged (with the request id) and the caller gets only the reference to quote.
 * Route handlers (`lib/server/http-answer.ts`) and server actions (`lib/server/action-result.ts`) both
 * answer through this function.
 */
export function answerFor(error: unknown, context: string): ErrorAnswer {
  if (error instanceof DeskError) return { status: error.status, message: error.message };
  const ref = currentRequestId() ?? newRequestId();
  log.error(`${context} failed`, { error, ref });
  return { status: 500, message: `Something went wrong (ref ${ref}).`, ref };
}

/** The JSON body an HTTP answer carries for a failure: `{ error }`, and the `ref` of an unexpected one. */
export function errorBody(answer: ErrorAnswer): { error: string; ref?: string } {
  return answer.ref ? { error: answer.message, ref: answer.ref } : { error: answer.message };
}
