import type { z } from "zod";
import { AssureResponseError } from "./errors";
import { ProcessSchema, type AssureProcess } from "./schemas";
import { bodyText } from "./transport";

/**
 * Turns an answer's body into a checked value, or an AssureResponseError that names what was wrong by path and
 * rule, never by the values (a process body holds personal data).
 */

const MAX_ISSUES = 5;

export function parseJsonBody(operation: string, expected: string, body: Uint8Array): unknown {
  const text = bodyText(body);
  if (text.trim() === "") throw new AssureResponseError(operation, expected, ["the body is empty"]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AssureResponseError(operation, expected, ["the body is not JSON"], { cause: error });
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, operation: string, expected: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AssureResponseError(operation, expected, describeIssues(result.error), { cause: result.error });
}

/** A process object from anywhere (an API answer, a stored copy), checked the way the client checks it. */
export function parseAssureProcess(value: unknown, operation = "process"): AssureProcess {
  return parseWith(ProcessSchema, value, operation, "a process");
}

function describeIssues(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "body";
    return `${where}: ${issue.message.slice(0, 160)}`;
  });
  if (error.issues.length > MAX_ISSUES) lines.push(`and ${error.issues.length - MAX_ISSUES} more`);
  return lines;
}
