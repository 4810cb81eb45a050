/**
 * Assure's problem body (`type: base:client-problem`, `instance` = the request path, a trace id) for every
 * error the API answers. Handlers throw `Problem`; the dispatcher turns it into the body in one place.
 */
import { randomBytes } from "node:crypto";

export interface InvalidParam {
  name: string;
  reason: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(`${status} ${title}${detail ? `: ${detail}` : ""}`);
  }
}

export const newTraceId = (): string => randomBytes(16).toString("hex");

export function problemBody(problem: Problem, method: string, path: string, traceId: string): Record<string, unknown> {
  return {
    instance: path,
    method,
    status: problem.status,
    type: problem.status < 500 ? "base:client-problem" : "base:server-problem",
    title: problem.title,
    ...(problem.detail ? { detail: problem.detail } : {}),
    traceId,
    ...(problem.invalidParams ? { code: "validation-error", invalidParams: problem.invalidParams } : {}),
  };
}

export const badRequest = (title: string, detail?: string): Problem => new Problem(400, title, detail);

export const invalid = (invalidParams: InvalidParam[], detail = "One or more parameters are invalid."): Problem =>
  new Problem(400, "Validation error.", detail, invalidParams);

export const notFound = (what: string, id: string): Problem =>
  new Problem(404, "Not found.", `${what} ${id} was not found.`);

export const malformedAuthorization = (): Problem =>
  new Problem(400, "Malformed Authorization header.", "Please provide a valid Bearer authentication.");

export const unauthorized = (detail: string): Problem => new Problem(401, "Unauthorized.", detail);

/** Zod issues as Assure's invalidParams, named by dotted path (`processParameters.location`). */
export function fromZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = "",
): InvalidParam[] {
  return issues.map((issue) => ({
    name: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body",
    reason: issue.message,
  }));
}
