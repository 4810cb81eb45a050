import type { Db } from "../../db/client";
import { summarizeCheck, summarizeFacialReport, type CheckSummary, type FacialSummary } from "../onfido/facial-summary";
import { buildReportTree, type ReportTree } from "../onfido/report-tree";
import { isDocumentReport, isFacialReport, type OnfidoReport } from "../onfido/report-schemas";
import type { JsonRole } from "./classify-json";
import { getResultLoader, type LoadedResult, type ResultLoader } from "./load-result";
import { UnsafeResultError, type UnreadableReason, type UnsafeReason } from "./result-errors";
import { getResultRefusal } from "./result-refusals";
import { formatBytes } from "./result-limits";
import { mediaUrl, zipUrl } from "./result-urls";
import type { MediaKind, OtherFileNote, ResultWarning } from "./unpack-result";

/**
 * Everything the full-result section of the process page shows, as plain serialisable data: report trees,
 * summaries, media links (never the bytes: the browser fetches those from the result routes) and raw JSON.
 */

export interface StoredInfo {
  sizeBytes: number;
  sizeText: string;
  sha256: string;
  storedAt: string;
  zipUrl: string;
}

export interface MediaView {
  slug: string;
  kind: MediaKind;
  label: string;
  path: string;
  contentType: string;
  sizeText: string;
  /** For writing the size in the viewer's locale (components/format.ts). */
  sizeBytes: number;
  url: string;
}

export interface JsonFileView {
  path: string;
  role: JsonRole;
  label: string;
  text: string;
  /** Only the start of a very large file is sent to the page; the zip download has all of it. */
  truncated: boolean;
}

/** Real reports are a few kilobytes; more than this would only make the page heavy. */
export const JSON_VIEW_LIMIT = 256 * 1024;

export type ResultView =
  | { state: "none"; tooLarge?: { limitBytes: number; declaredBytes: number | null; limitText: string; declaredText: string | null; refusedAt: string } }
  | { state: "refused"; stored: StoredInfo; kind: "unsafe" | "unreadable"; reason: UnsafeReason | UnreadableReason; message: string }
  | {
      state: "ready";
      stored: StoredInfo;
      documentReport: OnfidoReport | null;
      facialReport: OnfidoReport | null;
      trees: ReportTree[];
      facial: FacialSummary | null;
      check: CheckSummary | null;
      media: MediaView[];
      json: JsonFileView[];
      others: { path: string; sizeBytes: number; sizeText: string; note: OtherFileNote }[];
      warnings: ResultWarning[];
    };

const KIND_LABELS: Record<MediaKind, string> = { front: "Document front", back: "Document back", selfie: "Selfie", portrait: "Portrait", video: "Liveness video", other: "Other media" };
const ROLE_LABELS: Record<JsonRole, string> = { report: "Onfido report", check: "Onfido check", process: "Assure process", other: "Other JSON" };
/** The order a reviewer compares pictures in: the document, then the person. */
const KIND_ORDER: MediaKind[] = ["front", "back", "portrait", "selfie", "video", "other"];

export function buildResultView(processId: string, loaded: LoadedResult): ResultView {
  if (loaded.state === "none") return { state: "none" };
  const stored: StoredInfo = {
    sizeBytes: loaded.stored.sizeBytes,
    sizeText: formatBytes(loaded.stored.sizeBytes),
    sha256: loaded.stored.sha256,
    storedAt: loaded.stored.storedAt.toISOString(),
    zipUrl: zipUrl(processId),
  };
  if (loaded.state === "refused") {
    const { error } = loaded;
    return { state: "refused", stored, kind: error instanceof UnsafeResultError ? "unsafe" : "unreadable", reason: error.reason, message: error.message };
  }
  const { result } = loaded;
  const reports = result.reports.map((r) => r.report);
  const documentReport = reports.find(isDocumentReport) ?? null;
  const facialReport = reports.find(isFacialReport) ?? null;
  const warnings = [...result.warnings];
  if (result.process && result.process.processId !== processId) {
    warnings.push({ key: "otherProcess", values: { processId: result.process.processId } });
  }
  if (reports.length === 0) warnings.push({ key: "noReport" });
  const check = result.check ? summarizeCheck(result.check, reports) : null;
  for (const missing of check?.reports.filter((r) => r.name === null) ?? []) {
    warnings.push({ key: "missingReport", values: { id: missing.id } });
  }
  const media = [...result.media]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((m) => ({
      slug: m.slug,
      kind: m.kind,
      label: m.kind === "other" ? m.path.split("/").pop() ?? m.slug : KIND_LABELS[m.kind],
      path: m.path,
      contentType: m.contentType,
      sizeText: formatBytes(m.bytes.byteLength),
      sizeBytes: m.bytes.byteLength,
      url: mediaUrl(processId, m.slug),
    }));
  return {
    state: "ready",
    stored,
    documentReport,
    facialReport,
    trees: reports.map(buildReportTree),
    facial: facialReport ? summarizeFacialReport(facialReport) : null,
    check,
    media,
    json: result.json.map((j) => ({
      path: j.path,
      role: j.role,
      label: ROLE_LABELS[j.role],
      text: j.text.length > JSON_VIEW_LIMIT ? j.text.slice(0, JSON_VIEW_LIMIT) : j.text,
      truncated: j.text.length > JSON_VIEW_LIMIT,
    })),
    others: result.others.map((o) => ({ path: o.path, sizeBytes: o.sizeBytes, sizeText: formatBytes(o.sizeBytes), note: o.note })),
    warnings,
  };
}

/** The full-result view of a process: unpacked on first view, then from the cache. */
export async function getResultView(db: Db, processId: string, loader: ResultLoader = getResultLoader()): Promise<ResultView> {
  const view = buildResultView(processId, await loader(db, processId));
  if (view.state !== "none") return view;
  // No zip: say why when it was one too large to download (lib/processes/refresh-process.ts).
  const refusal = await getResultRefusal(db, processId);
  if (!refusal) return view;
  const tooLarge = {
    limitBytes: refusal.limitBytes,
    declaredBytes: refusal.declaredBytes,
    limitText: formatBytes(refusal.limitBytes),
    declaredText: refusal.declaredBytes === null ? null : formatBytes(refusal.declaredBytes),
    refusedAt: refusal.refusedAt.toISOString(),
  };
  return { state: "none", tooLarge };
}
