import { AssureApiError, type InvalidParam } from "./errors";
import { bodyText, contentTypeOf, type WireResponse } from "./transport";

/**
 * Reads Assure's problem body (README.md "Errors and retries") into an AssureApiError, leniently: any field may be missing
 * or of another type, and a body that is not JSON (a gateway's HTML page, plain text) still gives an error that
 * says what happened.
 */
export function apiErrorFrom(
  request: { operation: string; method: string; path: string },
  response: WireResponse,
): AssureApiError {
  const text = bodyText(response.body);
  const json = tryJson(text);
  const base = { operation: request.operation, method: request.method, path: request.path, status: response.status };
  if (!isRecord(json)) {
    return new AssureApiError({
      ...base,
      title: response.statusText || undefined,
      invalidParams: [],
      bodyText: isTextual(response.headers) ? text.replace(/\s+/g, " ").trim().slice(0, 300) : undefined,
    });
  }
  return new AssureApiError({
    ...base,
    type: stringField(json, "type"),
    title: stringField(json, "title") ?? (response.statusText || undefined),
    detail: stringField(json, "detail"),
    traceId: stringField(json, "traceId"),
    code: stringField(json, "code"),
    invalidParams: invalidParamsOf(json.invalidParams),
  });
}

function invalidParamsOf(value: unknown): InvalidParam[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((item) => ({
    name: stringField(item, "name") ?? "",
    reason: stringField(item, "reason") ?? "",
  }));
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (typeof value === "string") return value.slice(0, 500);
  if (typeof value === "number") return String(value);
  return undefined;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isTextual(headers: Headers): boolean {
  const type = contentTypeOf(headers);
  return type === "" || type.startsWith("text/");
}
