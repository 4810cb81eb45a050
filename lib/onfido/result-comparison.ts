import { EXTRACTED_FIELDS, FIELD_LABELS } from "./extracted-fields";
import { humanize, toneOf, valueText, type Tone } from "./labels";

/**
 * Assure's two readings side by side: the verdicts of the document verification next to the facial
 * similarity's, and the accepted `finalResult` next to the fields the document verification extracted.
 * A missing value is "absent", never a blank cell; a value that is not `clear` is marked.
 */

export interface ComparisonCell {
  text: string;
  /** `absent`: the object lacks the key; `n/a`: the key does not belong to this object. */
  kind: "value" | "absent" | "n/a";
  tone: Tone;
}

export interface ComparisonRow {
  key: string;
  label: string;
  cells: [ComparisonCell, ComparisonCell];
  /** Both present and different. */
  differs: boolean;
}

/** Assure's objects a table puts side by side. */
export type ComparisonColumn = "documentVerification" | "facialSimilarity" | "finalResult";
/** Why a column's object is missing. */
export type MissingReason = "noDocumentVerification" | "noFacialSimilarity" | "documentOnly" | "acceptedWithoutFinalResult" | "onlyAccepted";

export interface ComparisonTable {
  /** The columns in English words (the evidence pack's); the page names them by `columnIds` in its language. */
  columns: [string, string];
  columnIds: [ComparisonColumn, ComparisonColumn];
  /** Per column: the object itself is missing (e.g. no finalResult unless accepted), in English, and why. */
  missing: [string | null, string | null];
  missingIds: [MissingReason | null, MissingReason | null];
  rows: ComparisonRow[];
}

const MISSING_TEXT: Record<MissingReason, string> = {
  noDocumentVerification: "Assure sent no document verification.",
  noFacialSimilarity: "Assure sent no facial similarity.",
  documentOnly: "Not part of a document-only process.",
  acceptedWithoutFinalResult: "Accepted, yet Assure sent no finalResult.",
  onlyAccepted: "Only accepted processes have a finalResult.",
};

const missingPair = (ids: [MissingReason | null, MissingReason | null]) => ({
  missing: ids.map((id) => (id ? MISSING_TEXT[id] : null)) as [string | null, string | null],
  missingIds: ids,
});

type Rec = Record<string, unknown>;
const asRecord = (value: unknown): Rec | null => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Rec) : null);

const DOCUMENT_VERDICTS = ["result", "subResult", "imageIntegrity", "visualAuthenticity", "dataValidation", "dataConsistency", "dataComparison", "compromisedDocument", "policeRecord", "ageValidation"];
const FACIAL_VERDICTS = ["result", "imageIntegrity", "faceComparison", "visualAuthenticity", "similarityScore"];
const EXTRACTED = [...EXTRACTED_FIELDS, "similarityScore"];
const MRZ_KEYS = new Set(["mrzLine1", "mrzLine2", "mrzLine3"]);

function cellTone(key: string, value: unknown): Tone {
  if (key === "similarityScore") return value === "high" ? "clear" : value == null ? "unknown" : "flagged";
  return toneOf(value);
}

function cell(source: Rec | null, key: string, applies: boolean, verdict: boolean): ComparisonCell {
  if (!applies) return { text: "n/a", kind: "n/a", tone: "unknown" };
  if (!source || !(key in source) || source[key] === undefined) return { text: "absent", kind: "absent", tone: "unknown" };
  const value = source[key];
  return { text: value === null ? "null" : valueText(value), kind: "value", tone: verdict ? cellTone(key, value) : "unknown" };
}

function label(key: string): string {
  return (FIELD_LABELS as Record<string, string>)[key] ?? (key === "subResult" ? "Sub-result" : humanize(key).replace(/^./, (c) => c.toUpperCase()));
}

function row(key: string, left: ComparisonCell, right: ComparisonCell): ComparisonRow {
  const differs = left.kind === "value" && right.kind === "value" && left.text.trim().toUpperCase() !== right.text.trim().toUpperCase();
  return { key, label: label(key), cells: [left, right], differs };
}

/** Keys beyond the known ones, so that nothing Assure adds is hidden. */
const extraKeys = (source: Rec | null, known: readonly string[]) =>
  Object.keys(source ?? {}).filter((key) => !known.includes(key) && !MRZ_KEYS.has(key));

export interface ComparisonInput {
  finalResult?: unknown;
  providerSpecific?: unknown;
  processType?: string | null;
}

export function compareVerdicts(input: ComparisonInput): ComparisonTable {
  const specific = asRecord(input.providerSpecific);
  const dv = asRecord(specific?.documentVerification);
  const fs = asRecord(specific?.facialSimilarity);
  const documentOnly = input.processType === "document";
  const keys = [...new Set([...DOCUMENT_VERDICTS, ...FACIAL_VERDICTS])];
  const rows = keys.map((key) => row(key, cell(dv, key, DOCUMENT_VERDICTS.includes(key), true), cell(fs, key, FACIAL_VERDICTS.includes(key), true)));
  for (const key of extraKeys(fs, FACIAL_VERDICTS)) rows.push(row(key, cell(dv, key, false, true), cell(fs, key, true, true)));
  return {
    columns: ["Document verification", "Facial similarity"],
    columnIds: ["documentVerification", "facialSimilarity"],
    ...missingPair([dv ? null : "noDocumentVerification", fs ? null : documentOnly ? "documentOnly" : "noFacialSimilarity"]),
    rows,
  };
}

export function compareExtracted(input: ComparisonInput & { status?: string }): ComparisonTable {
  const final = asRecord(input.finalResult);
  const specific = asRecord(input.providerSpecific);
  const dv = asRecord(specific?.documentVerification);
  const fs = asRecord(specific?.facialSimilarity);
  const rows = EXTRACTED.map((key) =>
    // similarityScore lives in the facial similarity, not the document verification.
    row(key, cell(final, key, true, false), key === "similarityScore" ? cell(fs, key, true, false) : cell(dv, key, true, false)),
  );
  const knownDocumentKeys = [...EXTRACTED, ...DOCUMENT_VERDICTS];
  for (const key of extraKeys(final, EXTRACTED)) rows.push(row(key, cell(final, key, true, false), cell(dv, key, true, false)));
  for (const key of extraKeys(dv, knownDocumentKeys)) {
    if (!rows.some((r) => r.key === key)) rows.push(row(key, cell(final, key, true, false), cell(dv, key, true, false)));
  }
  return {
    columns: ["finalResult", "Document verification"],
    columnIds: ["finalResult", "documentVerification"],
    ...missingPair([final ? null : input.status === "accepted" ? "acceptedWithoutFinalResult" : "onlyAccepted", dv ? null : "noDocumentVerification"]),
    rows,
  };
}
