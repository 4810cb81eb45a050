import { ProcessSchema, type AssureProcess } from "../assure/schemas";
import { OnfidoCheckSchema, OnfidoReportSchema, type OnfidoCheck, type OnfidoReport } from "../onfido/report-schemas";

/**
 * What a JSON file in the full-result zip is, by its content (lib/assure/README.md "The full-result zip"): an object with `name` and
 * `breakdown` is an Onfido report, one with `report_ids` is the Onfido check, and one that reads as an
 * Assure process object is the process. Anything else is kept and shown as raw JSON.
 */
export type JsonRole = "report" | "check" | "process" | "other";

export type ClassifiedJson =
  | { role: "report"; report: OnfidoReport }
  | { role: "check"; check: OnfidoCheck }
  | { role: "process"; process: AssureProcess }
  | { role: "other" };

/** The Onfido report a value is (an object with `name` and `breakdown` that passes the schema), or null. */
export function asOnfidoReport(value: unknown): OnfidoReport | null {
  if (typeof value !== "object" || value === null || Array.isArray(value) || !("name" in value && "breakdown" in value)) return null;
  const report = OnfidoReportSchema.safeParse(value);
  return report.success ? report.data : null;
}

/** The role and the validated object in one pass: each schema runs once per file, not again to read it. */
export function classifyJsonValue(value: unknown): ClassifiedJson {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { role: "other" };
  const report = asOnfidoReport(value);
  if (report) return { role: "report", report };
  if ("report_ids" in value) {
    const check = OnfidoCheckSchema.safeParse(value);
    if (check.success) return { role: "check", check: check.data };
  }
  const process = ProcessSchema.safeParse(value);
  if (process.success) return { role: "process", process: process.data };
  return { role: "other" };
}

export function classifyJson(value: unknown): JsonRole {
  return classifyJsonValue(value).role;
}

/** Strict UTF-8, made once: a decoder per file cost the result stage more than parsing the JSON. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Parses JSON text, or null when it is not JSON (a file that only looked like JSON). */
export function parseJsonText(bytes: Uint8Array): { value: unknown; text: string } | null {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return null;
  }
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    return null;
  }
}
