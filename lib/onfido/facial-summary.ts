import { resultText, toneOf, type Tone } from "./labels";
import type { OnfidoCheck, OnfidoReport } from "./report-schemas";
import { onfidoDashboardLink } from "./dashboard-link";

/**
 * The facts a reviewer looks for in a facial similarity report: the face-match score (1 = same face), the
 * spoofing score (near 0 = likely spoof), liveness for videos, and whether a face was found at all.
 */

export type SimilarityLevel = "high" | "medium" | "low";

/** The contract's mapping from the face-match score to Assure's `similarityScore`. */
export function similarityLevel(score: number): SimilarityLevel {
  if (score >= 0.8) return "high";
  if (score >= 0.5) return "medium";
  return "low";
}

export interface SubCheck {
  result: string;
  tone: Tone;
  score: number | null;
  reasons: string[];
}

export interface FacialSummary {
  reportName: string;
  result: string;
  tone: Tone;
  faceMatch: SubCheck | null;
  faceMatchLevel: SimilarityLevel | null;
  spoofing: SubCheck | null;
  liveness: SubCheck | null;
  faceDetected: SubCheck | null;
  sourceIntegrity: SubCheck | null;
  /** Video reports carry a top-level score too. */
  reportScore: number | null;
}

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec => typeof value === "object" && value !== null && !Array.isArray(value);
const numberOf = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

function subCheck(report: OnfidoReport, breakdown: string, sub: string): SubCheck | null {
  const parent = report.breakdown[breakdown];
  const node = isRecord(parent) && isRecord(parent.breakdown) ? parent.breakdown[sub] : undefined;
  if (!isRecord(node)) return null;
  const properties = isRecord(node.properties) ? node.properties : {};
  const reasons = Object.entries(properties)
    .filter(([, value]) => value === "consider")
    .map(([key]) => key);
  return { result: resultText(node.result), tone: toneOf(node.result), score: numberOf(properties.score), reasons };
}

export function summarizeFacialReport(report: OnfidoReport): FacialSummary {
  const faceMatch = subCheck(report, "face_comparison", "face_match");
  return {
    reportName: report.name,
    result: resultText(report.result),
    tone: toneOf(report.result),
    faceMatch,
    faceMatchLevel: faceMatch?.score != null ? similarityLevel(faceMatch.score) : null,
    spoofing: subCheck(report, "visual_authenticity", "spoofing_detection"),
    liveness: subCheck(report, "visual_authenticity", "liveness_detected"),
    faceDetected: subCheck(report, "image_integrity", "face_detected"),
    sourceIntegrity: subCheck(report, "image_integrity", "source_integrity"),
    reportScore: numberOf(isRecord(report.properties) ? report.properties.score : undefined),
  };
}

export interface CheckSummary {
  id: string | null;
  status: string;
  result: string;
  tone: Tone;
  createdAt: string | null;
  resultsUri: string | null;
  sandbox: boolean | null;
  tags: string[];
  /** Each report the check names, and whether the zip holds it. */
  reports: { id: string; name: string | null }[];
}

export function summarizeCheck(check: OnfidoCheck, reports: readonly OnfidoReport[]): CheckSummary {
  return {
    id: check.id ?? null,
    status: resultText(check.status),
    result: resultText(check.result),
    tone: toneOf(check.result),
    createdAt: check.created_at ?? null,
    resultsUri: onfidoDashboardLink(check.results_uri),
    sandbox: check.sandbox ?? null,
    tags: check.tags ?? [],
    reports: check.report_ids.map((id) => ({ id, name: reports.find((r) => r.id === id)?.name ?? null })),
  };
}
