import { checkName, findingPhrase, joinPhrases, type FindingArg } from "./finding-phrases";
import { resultText, toneOf } from "./labels";
import { summarizeFacialReport, type SubCheck } from "./facial-summary";
import type { OnfidoReport } from "./report-schemas";

/** What the facial similarity says, from the Onfido report when there is one, else Assure's summary. */
export interface FacialFindings {
  source: "report" | "provider-specific" | "none";
  result: unknown;
  /** "face match score 0.31 — low", "spoofing detection consider, score 0.12" (finding-phrases.ts). */
  flagged: FindingArg[];
  /** The face-match score or level, for sentences about a clear result. */
  scoreNote: FindingArg | null;
}

/** A flagged sub-check by its key (`spoofing_detection`): its result, the reasons Onfido gave and its score. */
function flaggedPhrase(key: string, check: SubCheck | null): FindingArg | null {
  if (!check || check.tone !== "flagged") return null;
  const values = { name: checkName(key), result: check.result };
  const reasons = check.reasons.length > 0 ? joinPhrases(check.reasons) : null;
  if (check.score != null) {
    return reasons ? findingPhrase("finding.checkReasonsScore", { ...values, reasons, score: check.score }) : findingPhrase("finding.checkScore", { ...values, score: check.score });
  }
  return reasons ? findingPhrase("finding.checkReasons", { ...values, reasons }) : findingPhrase("finding.check", values);
}

function fromReport(report: OnfidoReport): FacialFindings {
  const summary = summarizeFacialReport(report);
  const match = summary.faceMatch;
  const scoreNote = match?.score != null ? findingPhrase("finding.faceMatchScore", { score: match.score, level: summary.faceMatchLevel ?? "" }) : null;
  const flagged = [
    match?.tone === "flagged" ? (scoreNote ?? findingPhrase("finding.check", { name: checkName("face_match"), result: match.result })) : null,
    flaggedPhrase("spoofing_detection", summary.spoofing),
    flaggedPhrase("liveness_detected", summary.liveness),
    flaggedPhrase("face_detected", summary.faceDetected),
    flaggedPhrase("source_integrity", summary.sourceIntegrity),
  ].filter((p): p is FindingArg => p !== null);
  if (match && match.tone === "not-performed") flagged.push(findingPhrase("finding.checkNotPerformed", { name: checkName("face_match") }));
  return { source: "report", result: report.result, flagged, scoreNote };
}

function fromProviderSpecific(fs: Record<string, unknown>): FacialFindings {
  const parts = (["faceComparison", "imageIntegrity", "visualAuthenticity"] as const)
    .filter((key) => toneOf(fs[key]) === "flagged")
    .map((key) => findingPhrase("finding.check", { name: checkName(key), result: resultText(fs[key]) }));
  const level = typeof fs.similarityScore === "string" ? fs.similarityScore : null;
  return { source: "provider-specific", result: fs.result, flagged: parts, scoreNote: level ? findingPhrase("finding.similarity", { level }) : null };
}

export function facialFindings(report: OnfidoReport | null | undefined, facialSimilarity: unknown): FacialFindings {
  if (report) return fromReport(report);
  if (typeof facialSimilarity === "object" && facialSimilarity !== null && Object.keys(facialSimilarity).length > 0) {
    return fromProviderSpecific(facialSimilarity as Record<string, unknown>);
  }
  return { source: "none", result: undefined, flagged: [], scoreNote: null };
}
