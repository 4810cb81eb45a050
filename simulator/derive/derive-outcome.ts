/**
 * Reads the Onfido reports as Assure does: `providerSpecific` flattens them, the final status follows the
 * contract's table (rejected > inconclusive > accepted, and no verdict counts as not clear) and
 * `finalResult` is filled only for accepted processes. Nothing here knows which scenario produced the reports.
 */
import type { OnfidoReport } from "../onfido/types";
import { assureDocumentType, assureGender, similarityScore } from "./mappings";

export type Verdict = "accepted" | "rejected" | "inconclusive";

export interface Outcome {
  status: Verdict;
  providerSpecific: { documentVerification: Record<string, unknown>; facialSimilarity?: Record<string, unknown> };
  finalResult?: Record<string, unknown>;
}

const BREAKDOWN_KEYS: Record<string, string> = {
  imageIntegrity: "image_integrity",
  visualAuthenticity: "visual_authenticity",
  dataValidation: "data_validation",
  dataConsistency: "data_consistency",
  dataComparison: "data_comparison",
  compromisedDocument: "compromised_document",
  policeRecord: "police_record",
  ageValidation: "age_validation",
};

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function documentNumber(properties: Record<string, unknown>): string | undefined {
  const numbers = properties.document_numbers;
  if (!Array.isArray(numbers)) return undefined;
  const found = numbers.find((n: { type?: unknown }) => n?.type === "document_number") as { value?: unknown } | undefined;
  return str(found?.value);
}

function documentVerification(report: OnfidoReport): Record<string, unknown> {
  const p = report.properties;
  const out: Record<string, unknown> = { result: report.result, subResult: report.sub_result };
  for (const [key, name] of Object.entries(BREAKDOWN_KEYS)) {
    const breakdown = report.breakdown[name];
    if (breakdown) out[key] = breakdown.result;
  }
  Object.assign(out, {
    firstName: str(p.first_name),
    lastName: str(p.last_name),
    dateOfBirth: str(p.date_of_birth),
    dateOfExpiry: str(p.date_of_expiry),
    gender: assureGender(p.gender),
    nationality: str(p.nationality),
    documentType: assureDocumentType(p.document_type),
    documentNumber: documentNumber(p),
    issuingCountry: str(p.issuing_country),
    mrzLine1: str(p.mrz_line1),
    mrzLine2: str(p.mrz_line2),
    mrzLine3: str(p.mrz_line3),
  });
  return dropUndefined(out);
}

function faceMatchScore(report: OnfidoReport): unknown {
  return report.breakdown.face_comparison?.breakdown?.face_match?.properties.score;
}

function facialSimilarity(report: OnfidoReport): Record<string, unknown> {
  return dropUndefined({
    result: report.result,
    imageIntegrity: report.breakdown.image_integrity?.result,
    faceComparison: report.breakdown.face_comparison?.result,
    visualAuthenticity: report.breakdown.visual_authenticity?.result,
    similarityScore: similarityScore(faceMatchScore(report)),
  });
}

function documentVerdict(report: OnfidoReport): Verdict {
  if (report.sub_result === "rejected") return "rejected";
  if (report.sub_result === "suspected" || report.sub_result === "caution") return "inconclusive";
  return report.result === "clear" ? "accepted" : "inconclusive";
}

const faceVerdict = (report: OnfidoReport): Verdict => (report.result === "clear" ? "accepted" : "inconclusive");

const PRECEDENCE: readonly Verdict[] = ["rejected", "inconclusive", "accepted"];

/** The final status alone: what a process's status becomes when its check completes. */
export function deriveStatus(documentReport: OnfidoReport, facialReport: OnfidoReport | undefined): Verdict {
  const verdicts = [documentVerdict(documentReport), ...(facialReport ? [faceVerdict(facialReport)] : [])];
  return PRECEDENCE.find((v) => verdicts.includes(v)) ?? "inconclusive";
}

export function deriveOutcome(documentReport: OnfidoReport, facialReport: OnfidoReport | undefined): Outcome {
  const status = deriveStatus(documentReport, facialReport);
  const doc = documentVerification(documentReport);
  const face = facialReport ? facialSimilarity(facialReport) : undefined;
  const outcome: Outcome = { status, providerSpecific: { documentVerification: doc, ...(face ? { facialSimilarity: face } : {}) } };
  if (status === "accepted") {
    const fields = ["firstName", "lastName", "dateOfBirth", "dateOfExpiry", "gender", "nationality", "documentType", "documentNumber", "issuingCountry"];
    outcome.finalResult = dropUndefined({
      ...Object.fromEntries(fields.map((f) => [f, doc[f]])),
      similarityScore: face?.similarityScore,
    });
  }
  return outcome;
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
