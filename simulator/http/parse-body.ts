/** Validates a parsed JSON body with a zod schema; failures become a validation-error problem. */
import type { z } from "zod";
import { fromZodIssues, invalid } from "./problem";

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw invalid(fromZodIssues(result.error.issues));
  return result.data;
}
