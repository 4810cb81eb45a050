import type { z } from "zod";
import { InvalidInput, NotFound, type InputProblem } from "./errors";

/**
 * The one way a verb reads what it is asked: parse with zod, or refuse with InvalidInput in the desk's one
 * message format, "<what>: <path>: <problem>; …" (a problem with the whole input has no path). The issues
 * also travel on the error (`issues`) for forms that show them one by one. `code` names `what` for a form
 * that says it in the viewer's language (a DeskError's `code` and `values`, lib/errors.ts), with the issues as `{issues}`
 * (in English; the same issues without words are the error's `problems`).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "This input is not valid", code?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  const fields = refusedFields(parsed.error);
  const problems = inputProblems(parsed.error);
  throw new InvalidInput(what, issues, code ? { fields, problems, code, values: { issues: issues.join("; ") } } : { fields, problems });
}

const limitOf = (value: number | bigint) => Number(value);

/** The issues (the same five as `describeIssues`) as problems without words, for a form to say in its language. */
export function inputProblems(error: z.ZodError): InputProblem[] {
  return error.issues.slice(0, 5).map((issue): InputProblem => {
    const field = issue.path.map(String).join(".");
    switch (issue.code) {
      case "too_small":
        if (issue.origin === "string") return issue.minimum === 1 ? { field, kind: "empty" } : { field, kind: "tooShort", limit: limitOf(issue.minimum) };
        return { field, kind: "tooSmall", limit: limitOf(issue.minimum) };
      case "too_big":
        return { field, kind: issue.origin === "string" ? "tooLong" : "tooBig", limit: limitOf(issue.maximum) };
      case "invalid_value":
        return { field, kind: "notOneOf" };
      default:
        return { field, kind: "invalid" };
    }
  });
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
