import type { DocumentBreakdown, FacialSimilarityVideoBreakdown } from "@onfido/api";
import { REASON_KEYS, isDocumentReport, isFacialReport, type OnfidoReport } from "./report-schemas";

/**
 * Which of Onfido's breakdowns, sub-breakdowns and reasons the desk explains in words: those lib/onfido/README.md
 * lists. The explanation is a message under `Onfido` keyed by the breakdown's path (`document.image_integrity.about`
 * for a breakdown, `document.image_integrity.image_quality` for a sub-breakdown, `reasons.blurred_photo`), shown
 * beside Onfido's own name, which stays as Onfido sent it. A key the desk does not know has no explanation.
 */

/** The sub-breakdown names an @onfido/api breakdown type allows under `name`. */
type SubNames<B, K extends keyof B> = NonNullable<B[K]> extends { breakdown?: infer S } ? keyof NonNullable<S> : never;
/** Every breakdown of the model, each with sub-breakdowns the model knows: the compiler checks the tables below. */
type BreakdownTable<B> = { readonly [K in keyof Required<B>]: readonly SubNames<B, K>[] };

const DOCUMENT_BREAKDOWNS = {
  image_integrity: ["image_quality", "supported_document", "colour_picture", "conclusive_document_quality"],
  visual_authenticity: ["fonts", "picture_face_integrity", "template", "security_features", "original_document_present", "digital_tampering", "face_detection", "other"],
  data_validation: ["gender", "date_of_birth", "document_numbers", "document_expiration", "expiry_date", "mrz", "barcode"],
  data_consistency: [
    "date_of_expiry", "document_numbers", "issuing_country", "document_type", "date_of_birth", "gender", "first_name", "nationality", "last_name",
    "multiple_data_sources_present",
  ],
  data_comparison: ["issuing_country", "gender", "date_of_expiry", "last_name", "document_type", "document_numbers", "first_name", "date_of_birth"],
  compromised_document: ["document_database", "repeat_attempts"],
  police_record: [],
  age_validation: ["minimum_accepted_age"],
  issuing_authority: ["nfc_active_authentication", "nfc_passive_authentication"],
} as const satisfies BreakdownTable<DocumentBreakdown>;

/** The facial similarity reports' breakdowns: the video's, of which the photo's are a part (no `liveness_detected`). */
const FACIAL_BREAKDOWNS = {
  face_comparison: ["face_match"],
  image_integrity: ["face_detected", "source_integrity"],
  visual_authenticity: ["spoofing_detection", "liveness_detected"],
} as const satisfies BreakdownTable<FacialSimilarityVideoBreakdown>;

export type ReportKind = "document" | "facial";

type NamesOf<T extends Readonly<Record<string, readonly string[]>>> = Extract<keyof T, string> | T[keyof T][number];
/** The name of every breakdown and sub-breakdown the desk explains: `image_integrity`, `image_quality`. */
export type CheckName = NamesOf<typeof DOCUMENT_BREAKDOWNS> | NamesOf<typeof FACIAL_BREAKDOWNS>;

/** Every path the desk explains, per kind of report: `breakdown` or `breakdown.sub`. */
export const EXPLAINED_PATHS: Record<ReportKind, readonly string[]> = {
  document: pathsOf(DOCUMENT_BREAKDOWNS),
  facial: pathsOf(FACIAL_BREAKDOWNS),
};

/** Reasons Onfido lists in a sub-breakdown's `properties` (`reasons` itself is the list, not a reason). */
export const EXPLAINED_REASONS: readonly string[] = [...new Set(Object.values(REASON_KEYS).flat())].filter((name) => name !== "reasons");

function pathsOf(table: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.entries(table).flatMap(([breakdown, subs]) => [breakdown, ...subs.map((sub) => `${breakdown}.${sub}`)]);
}

export function reportKind(report: Pick<OnfidoReport, "name">): ReportKind | null {
  const named = { name: report.name, breakdown: {} };
  if (isDocumentReport(named)) return "document";
  if (isFacialReport(named)) return "facial";
  return null;
}

/**
 * The message (under `Onfido`) that explains a breakdown (`image_integrity`) or sub-breakdown
 * (`image_integrity.image_quality`) of this kind of report, or null when the desk has none.
 */
export function breakdownExplanationKey(kind: ReportKind | null, path: string): string | null {
  if (!kind || !EXPLAINED_PATHS[kind].includes(path)) return null;
  return path.includes(".") ? `${kind}.${path}` : `${kind}.${path}.about`;
}

/**
 * The message explaining a finding's path as lib/findings stores it, the report's name first
 * (`document.image_integrity.image_quality`), or null (a whole report, an unknown path).
 */
export function findingExplanationKey(path: string): string | null {
  const [report, ...rest] = path.split(".");
  return rest.length === 0 ? null : breakdownExplanationKey(reportKind({ name: report! }), rest.join("."));
}

/** The message (under `Onfido`) that explains a reason Onfido gave (`blurred_photo`), or null. */
export function reasonExplanationKey(name: string): string | null {
  return EXPLAINED_REASONS.includes(name) ? `reasons.${name}` : null;
}
