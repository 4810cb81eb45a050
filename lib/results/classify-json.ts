import { ProcessSchema } from "../assure/schemas";
import { OnfidoCheckSchema, OnfidoReportSchema } from "../onfido/report-schemas";

/**
 * What a JSON file in the full-result zip is, by its content (lib/assure/README.md "The full-result zip"): an object with `name` and
 * `breakdown` is an Onfido report, one with `report_ids` is the Onfido check, and one that reads as an
 * Assure process object is the process. Anything else is kept and shown as raw JSON.
 */
export type JsonRole = "report" | "check" | "process" | "other";

export function classifyJson(value: unknown): JsonRole {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "other";
  if ("name" in value && "breakdown" in value && OnfidoReportSchema.safeParse(value).success) return "report";
  if ("report_ids" in value && OnfidoCheckSchema.safeParse(value).success) return "check";
  if (ProcessSchema.safeParse(value).success) return "process";
  return "other";
}

/** Parses JSON text, or null when it is not JSON (a file that only looked like JSON). */
export function parseJsonText(bytes: Uint8Array): { value: unknown; text: string } | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    return null;
  }
}
