import { resultText, toneOf } from "./labels";
import { summarizeFacialReport, type SubCheck } from "./facial-summary";
import type { OnfidoReport } from "./report-schemas";

/** What the facial similarity says, from the Onfido report when there is one, else Assure's summary. */
export interface FacialFindings {
  source: "report" | "provider-specific" | "none";
  result: unknown;
  /** "face match score 0.31 — low", "spoofing detection consider (score 0.12)". */
  flagged: string[];
  /** The face-match score or level, for sentences about a clear result. */
  scoreNote: string | null;
}

const score = (value: number) => value.toFixed(2);

function flaggedPhrase(label: string, check: SubCheck | null): string | null {
  if (!check || check.tone !== "flagged") return null;
  const reasons = check.reasons.length > 0 ? `: ${check.reasons.join(", ")}` : "";
  const scored = check.score != null ? `, score ${score(check.score)}` : "";
  return `${label} ${check.result}${reasons}${scored}`;
}

function fromReport(report: OnfidoReport): FacialFindings {
  const summary = summarizeFacialReport(report);
  const match = summary.faceMatch;
  const scoreNote = match?.score != null ? `face match score ${score(match.score)} — ${summary.faceMatchLevel}` : null;
  const flagged = [
    match?.tone === "flagged" ? (scoreNote ?? `face match ${match.result}`) : null,
    flaggedPhrase("spoofing detection", summary.spoofing),
    flaggedPhrase("liveness", summary.liveness),
    flaggedPhrase("face detection", summary.faceDetected),
    flaggedPhrase("source integrity", summary.sourceIntegrity),
  ].filter((p): p is string => p !== null);
  if (match && match.tone === "not-performed") flagged.push("face match not performed");
  return { source: "report", result: report.result, flagged, scoreNote };
}

function fromProviderSpecific(fs: Record<string, unknown>): FacialFindings {
  const parts = (["faceComparison", "imageIntegrity", "visualAuthenticity"] as const)
    .filter((key) => toneOf(fs[key]) === "flagged")
    .map((key) => `${key === "faceComparison" ? "face comparison" : key === "imageIntegrity" ? "image integrity" : "visual authenticity"} ${resultText(fs[key])}`);
  const level = typeof fs.similarityScore === "string" ? fs.similarityScore : null;
  return { source: "provider-specific", result: fs.result, flagged: parts, scoreNote: level ? `similarity ${level}` : null };
}

export function facialFindings(report: OnfidoReport | null | undefined, facialSimilarity: unknown): FacialFindings {
  if (report) return fromReport(report);
  if (typeof facialSimilarity === "object" && facialSimilarity !== null && Object.keys(facialSimilarity).length > 0) {
    return fromProviderSpecific(facialSimilarity as Record<string, unknown>);
  }
  return { source: "none", result: undefined, flagged: [], scoreNote: null };
}
