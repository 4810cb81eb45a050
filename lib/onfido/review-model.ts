import { explainStatus, type StatusExplanation } from "./explain-status";
import { mrzLinesOf, pickFields, reportFields, type ExtractedValues } from "./extracted-fields";
import { checkMrz, type MrzCheck } from "./mrz-check";
import type { OnfidoReport } from "./report-schemas";
import { compareExtracted, compareVerdicts, type ComparisonTable } from "./result-comparison";

/**
 * What the process page derives from a process and its full result: the status explanation, the two
 * side-by-side tables and the MRZ check. Pure, so that it is tested without a page.
 */

export interface ReviewInput {
  status: string;
  processType: string | null;
  finalResult: Record<string, unknown> | null;
  providerSpecific: Record<string, unknown> | null;
  failReason: { type: string | null; message: string | null } | null;
  documentReport: OnfidoReport | null;
  facialReport: OnfidoReport | null;
}

export interface ReviewModel {
  explanation: StatusExplanation;
  verdicts: ComparisonTable;
  extracted: ComparisonTable;
  mrz: MrzCheck;
}

/** The fields the MRZ is compared with: what Onfido extracted, then the report, then the accepted result. */
function fieldsForMrz(input: ReviewInput): ExtractedValues {
  return { ...pickFields(input.finalResult), ...reportFields(input.documentReport), ...pickFields(input.providerSpecific?.documentVerification) };
}

export function buildReviewModel(input: ReviewInput): ReviewModel {
  return {
    explanation: explainStatus(input),
    verdicts: compareVerdicts(input),
    extracted: compareExtracted(input),
    mrz: checkMrz(mrzLinesOf(input.providerSpecific?.documentVerification, input.documentReport), fieldsForMrz(input)),
  };
}
