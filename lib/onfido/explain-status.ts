import { documentFindings, type DocumentFindings } from "./document-findings";
import { facialFindings, type FacialFindings } from "./facial-findings";
import { joinPhrases, type FindingKey } from "./finding-phrases";
import { summarizeFacialReport } from "./facial-summary";
import { toneOf } from "./labels";
import type { Phrase, PhraseArg } from "./phrase";
import type { OnfidoReport } from "./report-schemas";

/**
 * Why a process has its status, in plain language, following the contract's mapping (lib/assure/README.md "How the
 * final status follows from Onfido's results"): rejected when the document's sub-result is rejected;
 * inconclusive when it is suspected or caution, or when facial similarity is not clear; accepted when both
 * are clear. For `processType: document` only the document counts. Where the data does not explain the
 * status, the explanation says so instead of inventing a reason.
 *
 * The sentences are phrases (lib/onfido/phrase.ts): keys of the `StatusExplanation` messages with their
 * arguments, written in the viewer's language by the page. Assure's and Onfido's values (the status,
 * `consider`, breakdown names, the failReason) are arguments, shown as they are.
 */

export interface ExplainInput {
  status: string;
  processType?: string | null;
  providerSpecific?: Record<string, unknown> | null;
  failReason?: { type?: string | null; message?: string | null } | null;
  documentReport?: OnfidoReport | null;
  facialReport?: OnfidoReport | null;
}

/** The `StatusExplanation` messages the explanation is made of. Summaries mark the status with `<b>`. */
export type ExplanationKey =
  | `summary.${"pending" | "processing" | "canceled" | "unknown" | "noStatus"}`
  | `summary.${"failedNoReason" | "failedType" | "failedMessage" | "failedTypeMessage"}`
  | `summary.${"acceptedUnexplained" | "acceptedDocumentOnly" | "acceptedDocument" | "acceptedFaces" | "acceptedFacesNote"}`
  | `summary.${"rejected" | "rejectedUnexplained" | "inconclusive" | "inconclusiveBoth" | "inconclusiveUnexplained"}`
  | `phrase.${"documentSubResult" | "documentResult" | "documentReportFlagged" | "documentSummaryFlagged" | "documentReportSilent" | "documentSummarySilent"}`
  | `phrase.${"facial" | "facialReportSilent" | "facialReportSilentNote" | "facialSummarySilent" | "facialSummarySilentNote"}`
  | `value.${"notPerformed" | "absent"}`
  | `warning.${"similarityMismatch" | "noDocumentResults" | "noFacialResults" | "acceptedYet" | "rejectedBut" | "subResultRejected"}`
  | `detail.${"notPerformed" | "facialAlso" | "failed"}`
  | FindingKey;

export type ExplanationPhrase = Phrase<ExplanationKey>;
type Arg = PhraseArg<ExplanationKey>;

export interface StatusExplanation {
  status: string;
  /** null for a status the desk does not know. */
  final: boolean | null;
  /** One sentence, led by the status (`<b>` in the message). */
  summary: ExplanationPhrase;
  details: ExplanationPhrase[];
  /** Where the reasons come from. */
  basis: "full-result" | "provider-specific" | "none";
  /** The data contradicts the status, or lacks what a verdict needs. */
  warnings: ExplanationPhrase[];
}

const phrase = (key: ExplanationKey, values?: Record<string, Arg>): ExplanationPhrase => (values ? { key, values } : { key });

const NOT_CLEAR = (value: unknown) => toneOf(value) !== "clear";

/** A result as Onfido gave it; `null` (not performed) and a missing one in words. */
function resultArg(result: unknown): Arg {
  if (result === null) return phrase("value.notPerformed");
  if (result === undefined) return phrase("value.absent");
  return typeof result === "string" ? result : JSON.stringify(result);
}

function documentPhrase(doc: DocumentFindings): ExplanationPhrase | null {
  if (doc.source === "none") return null;
  const verdict = doc.subResult ?? doc.result;
  if (!NOT_CLEAR(verdict) && !NOT_CLEAR(doc.result)) return null;
  const head = typeof doc.subResult === "string" ? phrase("phrase.documentSubResult", { value: doc.subResult }) : phrase("phrase.documentResult", { value: resultArg(doc.result) });
  const report = doc.source === "report";
  if (doc.flagged.length === 0) return phrase(report ? "phrase.documentReportSilent" : "phrase.documentSummarySilent", { head });
  // The flagged breakdowns are Onfido's names and values (lib/onfido/document-findings.ts).
  return phrase(report ? "phrase.documentReportFlagged" : "phrase.documentSummaryFlagged", { head, flagged: joinPhrases(doc.flagged, "join.semicolon") });
}

/** Why facial similarity is not clear: what it flags, or that the data does not say. */
function facialWhy(face: FacialFindings): Arg {
  if (face.flagged.length > 0) return joinPhrases(face.flagged, "join.semicolon");
  const report = face.source === "report";
  if (!face.scoreNote) return phrase(report ? "phrase.facialReportSilent" : "phrase.facialSummarySilent");
  return phrase(report ? "phrase.facialReportSilentNote" : "phrase.facialSummarySilentNote", { note: face.scoreNote });
}

function facialPhrase(face: FacialFindings, key: "phrase.facial" | "detail.facialAlso" = "phrase.facial"): ExplanationPhrase | null {
  if (face.source === "none" || !NOT_CLEAR(face.result)) return null;
  return phrase(key, { result: resultArg(face.result), why: facialWhy(face) });
}

/** Assure's `similarityScore` is derived from the report's face-match score: say so when the two disagree. */
function similarityMismatch(input: ExplainInput): ExplanationPhrase | null {
  const said = (input.providerSpecific?.facialSimilarity as Record<string, unknown> | null | undefined)?.similarityScore;
  if (!input.facialReport || typeof said !== "string") return null;
  const summary = summarizeFacialReport(input.facialReport);
  if (summary.faceMatch?.score == null || summary.faceMatchLevel === null || summary.faceMatchLevel === said) return null;
  return phrase("warning.similarityMismatch", { said, score: summary.faceMatch.score, level: summary.faceMatchLevel });
}

function explainVerdict(input: ExplainInput, doc: DocumentFindings, face: FacialFindings): Pick<StatusExplanation, "summary" | "details" | "warnings"> {
  const { status } = input;
  const documentOnly = input.processType === "document";
  const warnings: ExplanationPhrase[] = [];
  const mismatch = documentOnly ? null : similarityMismatch(input);
  if (mismatch) warnings.push(mismatch);
  const details: ExplanationPhrase[] = [];
  const docPhrase = documentPhrase(doc);
  const facePhrase = documentOnly ? null : facialPhrase(face);
  if (doc.notPerformed.length > 0) details.push(phrase("detail.notPerformed", { checks: joinPhrases(doc.notPerformed) }));
  if (doc.source === "none") warnings.push(phrase("warning.noDocumentResults"));
  if (!documentOnly && face.source === "none" && status !== "rejected") warnings.push(phrase("warning.noFacialResults"));

  if (status === "accepted") {
    if (docPhrase) warnings.push(phrase("warning.acceptedYet", { status, reason: docPhrase }));
    if (facePhrase) warnings.push(phrase("warning.acceptedYet", { status, reason: facePhrase }));
    if (doc.source === "none") return { summary: phrase("summary.acceptedUnexplained", { status }), details, warnings };
    const result = resultArg(doc.result);
    if (documentOnly) return { summary: phrase("summary.acceptedDocumentOnly", { status, result }), details, warnings };
    if (face.source === "none") return { summary: phrase("summary.acceptedDocument", { status, result }), details, warnings };
    const faceResult = resultArg(face.result);
    const summary = face.scoreNote
      ? phrase("summary.acceptedFacesNote", { status, result, faceResult, note: face.scoreNote })
      : phrase("summary.acceptedFaces", { status, result, faceResult });
    return { summary, details, warnings };
  }

  if (status === "rejected") {
    if (doc.subResult !== "rejected") warnings.push(phrase("warning.rejectedBut", { status, result: resultArg(doc.subResult) }));
    const faceAlso = documentOnly ? null : facialPhrase(face, "detail.facialAlso");
    if (faceAlso) details.push(faceAlso);
    return { summary: docPhrase ? phrase("summary.rejected", { status, reason: docPhrase }) : phrase("summary.rejectedUnexplained", { status }), details, warnings };
  }

  // inconclusive
  if (doc.subResult === "rejected") warnings.push(phrase("warning.subResultRejected"));
  if (docPhrase && facePhrase) return { summary: phrase("summary.inconclusiveBoth", { status, document: docPhrase, facial: facePhrase }), details, warnings };
  const reason = docPhrase ?? facePhrase;
  if (!reason) return { summary: phrase("summary.inconclusiveUnexplained", { status }), details, warnings };
  return { summary: phrase("summary.inconclusive", { status, reason }), details, warnings };
}

function explainFailed(status: string, failReason: ExplainInput["failReason"]): ExplanationPhrase {
  const type = failReason?.type?.trim();
  const message = failReason?.message?.trim();
  if (type && message) return phrase("summary.failedTypeMessage", { status, type, message });
  if (type) return phrase("summary.failedType", { status, type });
  if (message) return phrase("summary.failedMessage", { status, message });
  return phrase("summary.failedNoReason", { status });
}

export function explainStatus(input: ExplainInput): StatusExplanation {
  const { status } = input;
  const basis = input.documentReport || input.facialReport ? "full-result" : input.providerSpecific && Object.keys(input.providerSpecific).length > 0 ? "provider-specific" : "none";
  const base = { status, basis, details: [] as ExplanationPhrase[], warnings: [] as ExplanationPhrase[] } as const;
  switch (status) {
    case "pending":
    case "processing":
      return { ...base, final: false, summary: phrase(`summary.${status}`, { status }) };
    case "canceled":
      return { ...base, final: true, summary: phrase("summary.canceled", { status }) };
    case "failed":
      return { ...base, final: true, summary: explainFailed(status, input.failReason), details: [phrase("detail.failed")] };
    case "accepted":
    case "rejected":
    case "inconclusive": {
      const doc = documentFindings(input.documentReport, input.providerSpecific?.documentVerification);
      const face = facialFindings(input.facialReport, input.providerSpecific?.facialSimilarity);
      return { ...base, final: true, ...explainVerdict(input, doc, face) };
    }
    default:
      return { ...base, final: null, summary: status ? phrase("summary.unknown", { status }) : phrase("summary.noStatus") };
  }
}
