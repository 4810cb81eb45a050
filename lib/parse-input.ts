import type { z } from "zod";
import { InvalidInput, NotFound } from "./errors";

/**
 * The one way a verb reads what it is asked: parse with zod, or refuse with InvalidInput in the desk's one
 * message format, "<what>: <path>: <problem>; …" (a problem with the whole input has no path). The issues
 * also travel on the error (`issues`) for forms that show them one by one. `code` names `what` for a form
 * that says it in the viewer's language (a DeskError's `code` and `values`, lib/errors.ts), with the issues as `{issues}`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "This input is not valid", code?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  const fields = refusedFields(parsed.error);
  throw new InvalidInput(what, issues, code ? { fields, code, values: { issues: issues.join("; ") } } : { fields });
}

/** The top-level fields the issues are about (`password`), each once; an issue with the whole input names none. */
export function refusedFields(error: z.ZodError): string[] {
  return [...new Set(error.issues.flatMap((issue) => (typeof issue.path[0] === "string" ? [issue.path[0]] : [])))];
}

/** At most five issues: an answer names what to fix, it does not echo a whole malformed payload back. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
}

/**
 * A route's own params (`/dossiers/[dossierId]`): one that does not parse names no page, so it is NotFound
 * (a 404), not an invalid form.
 */
export function parseRouteParams<S extends z.ZodType>(schema: S, params: unknown, what = "No such page"): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  throw new NotFound(what);
}
