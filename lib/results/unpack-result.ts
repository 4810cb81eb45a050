import type { AssureProcess } from "../assure/schemas";
import type { OnfidoCheck, OnfidoReport } from "../onfido/report-schemas";
import { asOnfidoReport, classifyJsonValue, parseJsonText, type JsonRole } from "./classify-json";
import { inflateEntry, type InflateBudget } from "./inflate-entry";
import { DEFAULT_RESULT_LIMITS, type ResultLimits } from "./result-limits";
import { baseName, sniffContent } from "./sniff-content";
import { readZipDirectory } from "./zip-directory";

/**
 * Opens a stored full-result zip: checks it first (size, entry count, names, declared sizes), inflates each
 * entry under a running cap, and sorts the files by content, never by name (lib/assure/README.md "The full-result
 * zip"). Throws `UnsafeResultError` or `UnreadableResultError` with a reason the page can show.
 */

export const MEDIA_KINDS = ["front", "back", "selfie", "portrait", "video"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number] | "other";
export type MediaContentType = "image/jpeg" | "image/png" | "video/mp4";

export interface ResultMedia {
  /** Unique within the result; the URL segment that serves it. */
  slug: string;
  path: string;
  kind: MediaKind;
  contentType: MediaContentType;
  bytes: Uint8Array;
}

export interface ResultJson {
  path: string;
  role: JsonRole;
  value: unknown;
  text: string;
}

/** Why a file of the zip is only listed, as a key of the page's messages (`FullResult.otherNote`). */
export type OtherFileNote = { key: "notMedia"; values?: undefined } | { key: "jsonTooLarge"; values: { limitBytes: number } } | { key: "jsonUnparseable"; values?: undefined };

export interface ResultOtherFile {
  path: string;
  sizeBytes: number;
  note: OtherFileNote;
}

/** Something a reviewer should know about the zip, as a key of the page's messages (`FullResult.warning`). */
export type ResultWarning =
  | { key: "jsonUnparseable" | "secondCheck" | "secondProcess"; values: { path: string } }
  | { key: "otherProcess"; values: { processId: string } }
  | { key: "noReport"; values?: undefined }
  | { key: "missingReport"; values: { id: string } };

export interface ResultReport {
  path: string;
  report: OnfidoReport;
}

export interface UnpackedResult {
  zipBytes: number;
  inflatedBytes: number;
  json: ResultJson[];
  media: ResultMedia[];
  others: ResultOtherFile[];
  process: AssureProcess | null;
  check: OnfidoCheck | null;
  reports: ResultReport[];
  /** Things a reviewer should know that did not stop the unpacking (two checks, unparseable JSON, ...). */
  warnings: ResultWarning[];
}

/** The named kind a base name stands for: `front`, `document-front`, `Selfie_1` and so on. */
export function mediaKindOf(path: string): MediaKind {
  const tokens = baseName(path).split(/[^a-z0-9]+/);
  return MEDIA_KINDS.find((kind) => tokens.includes(kind)) ?? "other";
}

function uniqueSlug(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "file";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

export interface UnpackOptions {
  /**
   * Only Onfido's reports (the result stage's findings): entries named `*.json` or small enough to be a report
   * whatever their name are inflated, pictures and videos are not, and only a report is validated and kept
   * (`reports`; the other lists stay empty). The zip is checked the same.
   */
  reportsOnly?: boolean;
}

/** An entry this small is inflated and sniffed even in `reportsOnly` mode (an Onfido report is a few KiB). */
const SMALL_ENTRY_BYTES = 16 * 1024;

function mayHoldReport(name: string, declared: number): boolean {
  return name.toLowerCase().endsWith(".json") || declared <= SMALL_ENTRY_BYTES;
}

export async function unpackResult(bytes: Uint8Array, limits: ResultLimits = DEFAULT_RESULT_LIMITS, options: UnpackOptions = {}): Promise<UnpackedResult> {
  const directory = readZipDirectory(bytes, limits);
  const result: UnpackedResult = {
    zipBytes: bytes.byteLength,
    inflatedBytes: 0,
    json: [],
    media: [],
    others: [],
    process: null,
    check: null,
    reports: [],
    warnings: [],
  };
  const budget: InflateBudget = { remaining: limits.maxTotalBytes };
  const slugs = new Set<string>();
  for (const entry of directory) {
    if (entry.isDirectory) continue;
    if (options.reportsOnly && !mayHoldReport(entry.name, entry.uncompressedSize)) continue;
    const content = await inflateEntry(bytes, entry, Math.min(entry.uncompressedSize, limits.maxEntryBytes), budget);
    if (options.reportsOnly) keepReport(result, entry.name, content, limits);
    else sortFile(result, entry.name, content, limits, slugs);
  }
  result.inflatedBytes = limits.maxTotalBytes - budget.remaining;
  return result;
}

/** The bytes of `"breakdown"`: a report's JSON holds them (the key is plain ASCII; Onfido escapes none of it). */
const BREAKDOWN_KEY = new TextEncoder().encode('"breakdown"');

/**
 * `reportsOnly`: the entry is kept when it is an Onfido report. A file without a `"breakdown"` key (the process,
 * the check) is passed over unparsed, and nothing else is validated.
 */
function keepReport(result: UnpackedResult, path: string, content: Uint8Array, limits: ResultLimits) {
  if (content.byteLength > limits.maxJsonBytes || sniffContent(content) !== "application/json") return;
  if (Buffer.from(content.buffer, content.byteOffset, content.byteLength).indexOf(BREAKDOWN_KEY) < 0) return;
  const report = asOnfidoReport(parseJsonText(content)?.value);
  if (report) result.reports.push({ path, report });
}

function sortFile(result: UnpackedResult, path: string, content: Uint8Array, limits: ResultLimits, slugs: Set<string>) {
  const type = sniffContent(content);
  if (type === "image/jpeg" || type === "image/png" || type === "video/mp4") {
    const kind = mediaKindOf(path);
    result.media.push({ slug: uniqueSlug(kind === "other" ? baseName(path) : kind, slugs), path, kind, contentType: type, bytes: content });
    return;
  }
  if (type !== "application/json") {
    result.others.push({ path, sizeBytes: content.byteLength, note: { key: "notMedia" } });
    return;
  }
  if (content.byteLength > limits.maxJsonBytes) {
    result.others.push({ path, sizeBytes: content.byteLength, note: { key: "jsonTooLarge", values: { limitBytes: limits.maxJsonBytes } } });
    return;
  }
  const parsed = parseJsonText(content);
  if (!parsed) {
    result.others.push({ path, sizeBytes: content.byteLength, note: { key: "jsonUnparseable" } });
    result.warnings.push({ key: "jsonUnparseable", values: { path } });
    return;
  }
  const classified = classifyJsonValue(parsed.value);
  result.json.push({ path, role: classified.role, value: parsed.value, text: parsed.text });
  if (classified.role === "report") {
    result.reports.push({ path, report: classified.report });
  } else if (classified.role === "check") {
    if (result.check) result.warnings.push({ key: "secondCheck", values: { path } });
    else result.check = classified.check;
  } else if (classified.role === "process") {
    if (result.process) result.warnings.push({ key: "secondProcess", values: { path } });
    else result.process = classified.process;
  }
}
