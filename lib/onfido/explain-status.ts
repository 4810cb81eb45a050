import { documentFindings, type DocumentFindings } from "./document-findings";
import { facialFindings, type FacialFindings } from "./facial-findings";
import { summarizeFacialReport } from "./facial-summary";
import { resultText, toneOf } from "./labels";
import type { OnfidoReport } from "./report-schemas";

/**
 * Why a process has its status, in plain language, following the contract's mapping (lib/assure/README.md "How the
 * final status follows from Onfido's results"): rejected when the document's sub-result is rejected;
 * inconclusive when it is suspected or caution, or when facial similarity is not clear; accepted when both
 * are clear. For `processType: document` only the document counts. Where the data does not explain the
 * status, the explanation says so instead of inventing a reason.
 */

export interface ExplainInput {
  status: string;
  processType?: string | null;
  providerSpecific?: Record<string, unknown> | null;
  failReason?: { type?: string | null; message?: string | null } | null;
  documentReport?: OnfidoReport | null;
  facialReport?: OnfidoReport | null;
}

export interface StatusExplanation {
  status: string;
  /** null for a status the desk does not know. */
  final: boolean | null;
  summary: string;
  details: string[];
  /** Where the reasons come from. */
  basis: "full-result" | "provider-specific" | "none";
  /** The data contradicts the status, or lacks what a verdict needs. */
  warnings: string[];
}

const NOT_CLEAR = (value: unknown) => toneOf(value) !== "clear";

function documentPhrase(doc: DocumentFindings): string | null {
  if (doc.source === "none") return null;
  const verdict = doc.subResult ?? doc.result;
  if (!NOT_CLEAR(verdict) && !NOT_CLEAR(doc.result)) return null;
  const head = typeof doc.subResult === "string" ? `the document's sub-result is ${doc.subResult}` : `the document's result is ${resultText(doc.result)}`;
  if (doc.flagged.length === 0) {
    return doc.source === "report" ? `${head}; the report flags no breakdown` : `${head}; Assure's summary does not say which check flagged it`;
  }
  return doc.source === "report" ? `${head} — ${doc.flagged.join("; ")}` : `${head}; ${doc.flagged.join("; ")}`;
}

function facialPhrase(face: FacialFindings, also = false): string | null {
  if (face.source === "none" || !NOT_CLEAR(face.result)) return null;
  const lead = `facial similarity was ${also ? "also " : ""}${resultText(face.result)}`;
  if (face.flagged.length > 0) return `${lead} (${face.flagged.join("; ")})`;
  const note = face.scoreNote ? `${face.scoreNote}; ` : "";
  return face.source === "report" ? `${lead} (${note}the report flags no facial check)` : `${lead} (${note}Assure's summary does not say which facial check flagged it)`;
}

/** Assure's `similarityScore` is derived from the report's face-match score: say so when the two disagree. */
function similarityMismatch(input: ExplainInput): string | null {
  const said = (input.providerSpecific?.facialSimilarity as Record<string, unknown> | null | undefined)?.similarityScore;
  if (!input.facialReport || typeof said !== "string") return null;
  const summary = summarizeFacialReport(input.facialReport);
  if (summary.faceMatch?.score == null || summary.faceMatchLevel === said) return null;
  return `Assure's similarity score is ${said}, but the report's face match score ${summary.faceMatch.score.toFixed(2)} is ${summary.faceMatchLevel}.`;
}

function explainVerdict(input: ExplainInput, doc: DocumentFindings, face: FacialFindings): Omit<StatusExplanation, "status" | "final" | "basis"> {
  const documentOnly = input.processType === "document";
  const warnings: string[] = [];
  const mismatch = documentOnly ? null : similarityMismatch(input);
  if (mismatch) warnings.push(mismatch);
  const details: string[] = [];
  const docPhrase = documentPhrase(doc);
  const facePhrase = documentOnly ? null : facialPhrase(face);
  if (doc.notPerformed.length > 0) details.push(`Not performed by Onfido: ${doc.notPerformed.join(", ")}.`);
  if (doc.source === "none") warnings.push("Assure sent no document verification results.");
  if (!documentOnly && face.source === "none" && input.status !== "rejected") warnings.push("Assure sent no facial similarity results.");

  if (input.status === "accepted") {
    if (docPhrase) warnings.push(`Assure says accepted, yet ${docPhrase}.`);
    if (facePhrase) warnings.push(`Assure says accepted, yet ${facePhrase}.`);
    if (doc.source === "none") return { summary: "accepted, but Assure sent no results that explain it", details, warnings };
    const faces = documentOnly
      ? "; a document-only process has no face check"
      : face.source === "none" ? "" : ` and the faces match (${resultText(face.result)}${face.scoreNote ? `, ${face.scoreNote}` : ""})`;
    return { summary: `accepted: the document is valid (${resultText(doc.result)})${faces}`, details, warnings };
  }

  if (input.status === "rejected") {
    if (doc.subResult !== "rejected") warnings.push(`Assure says rejected, but the document's sub-result is ${resultText(doc.subResult)}.`);
    const faceAlso = documentOnly ? null : facialPhrase(face, true);
    if (faceAlso) details.push(`${faceAlso[0]!.toUpperCase()}${faceAlso.slice(1)}.`);
    return { summary: `rejected: ${docPhrase ?? "the document results do not show why"}`, details, warnings };
  }

  // inconclusive
  const reasons = [docPhrase, facePhrase].filter((p): p is string => p !== null);
  if (doc.subResult === "rejected") warnings.push("The document's sub-result is rejected: by the contract's precedence the status would be rejected.");
  if (reasons.length === 0) {
    return { summary: "inconclusive, but neither the document nor the facial results in the data explain it", details, warnings };
  }
  return { summary: `inconclusive: ${reasons.join("; ")}`, details, warnings };
}

export function explainStatus(input: ExplainInput): StatusExplanation {
  const { status } = input;
  const basis = input.documentReport || input.facialReport ? "full-result" : input.providerSpecific && Object.keys(input.providerSpecific).length > 0 ? "provider-specific" : "none";
  const base = { status, basis, details: [] as string[], warnings: [] as string[] } as const;
  switch (status) {
    case "pending":
      return { ...base, final: false, summary: "pending: waiting for the end-user's images or capture; not final yet" };
    case "processing":
      return { ...base, final: false, summary: "processing: Onfido is checking the images; not final yet — Assure notifies the desk when it is" };
    case "canceled":
      return { ...base, final: true, summary: "canceled: the process was canceled before Onfido gave a verdict, so there are no results" };
    case "failed": {
      const type = input.failReason?.type?.trim();
      const message = input.failReason?.message?.trim();
      const summary = type || message ? `failed: ${type ?? "no type given"}${message ? ` — ${message}` : ""}` : "failed: Assure gave no reason";
      return { ...base, final: true, summary, details: ["A failed process has no verification results; a retry creates a new process in the same dossier."] };
    }
    case "accepted":
    case "rejected":
    case "inconclusive": {
      const doc = documentFindings(input.documentReport, input.providerSpecific?.documentVerification);
      const face = facialFindings(input.facialReport, input.providerSpecific?.facialSimilarity);
      return { ...base, final: true, ...explainVerdict(input, doc, face) };
    }
    default:
      return { ...base, final: null, summary: `${status || "no status"}: a status the desk does not know; shown as Assure sent it` };
  }
}
