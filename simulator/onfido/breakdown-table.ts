/**
 * The structure of Onfido's reports (see lib/onfido/README.md): breakdowns, their sub-breakdowns,
 * and the reasons a sub-breakdown can carry. Reports and the per-breakdown scenarios are generated from it.
 */
import type { Breakdown, Result, SubBreakdown } from "./types";

/** In the order Onfido's example report lists them. */
export const DOCUMENT_BREAKDOWNS: Readonly<Record<string, readonly string[]>> = {
  data_validation: ["gender", "date_of_birth", "document_numbers", "document_expiration", "expiry_date", "mrz"],
  visual_authenticity: [
    "fonts", "picture_face_integrity", "template", "security_features",
    "original_document_present", "digital_tampering", "other", "face_detection",
  ],
  compromised_document: ["document_database", "repeat_attempts"],
  data_consistency: [
    "date_of_expiry", "document_numbers", "issuing_country", "document_type", "date_of_birth",
    "gender", "multiple_data_sources_present", "first_name", "last_name", "nationality",
  ],
  data_comparison: [
    "issuing_country", "gender", "date_of_expiry", "last_name",
    "document_type", "document_numbers", "first_name", "date_of_birth",
  ],
  image_integrity: ["image_quality", "conclusive_document_quality", "supported_document", "colour_picture"],
  police_record: [],
  age_validation: ["minimum_accepted_age"],
};

export const ISSUING_AUTHORITY_SUBS = ["nfc_active_authentication", "nfc_passive_authentication"] as const;

export const DOCUMENT_REASONS: Readonly<Record<string, readonly string[]>> = {
  "image_integrity.image_quality": [
    "dark_photo", "glare_on_photo", "blurred_photo", "covered_photo", "other_photo_issue",
    "damaged_document", "incorrect_side", "cut_off_document", "no_document_in_image", "two_documents_uploaded",
  ],
  "image_integrity.conclusive_document_quality": [
    "obscured_data_points", "obscured_security_features", "abnormal_document_features",
    "watermarks_digital_text_overlay", "corner_removed", "punctured_document", "missing_back", "digital_document",
  ],
  "visual_authenticity.original_document_present": ["photo_of_screen", "screenshot", "document_on_printed_paper", "scan"],
};

export type FaceVariant = "photo" | "video";

export const FACE_BREAKDOWNS: Readonly<Record<FaceVariant, Readonly<Record<string, readonly string[]>>>> = {
  photo: {
    visual_authenticity: ["spoofing_detection"],
    image_integrity: ["source_integrity", "face_detected"],
    face_comparison: ["face_match"],
  },
  video: {
    visual_authenticity: ["liveness_detected", "spoofing_detection"],
    image_integrity: ["source_integrity", "face_detected"],
    face_comparison: ["face_match"],
  },
};

export const FACE_REASONS: Readonly<Record<FaceVariant, Readonly<Record<string, readonly string[]>>>> = {
  photo: { "image_integrity.source_integrity": ["digital_tampering", "fake_webcam", "time_of_capture", "emulator"] },
  video: { "image_integrity.source_integrity": ["fake_webcam", "challenge_reuse", "emulator"] },
};

export interface Finding {
  result: Exclude<Result, "clear">;
  reasons: string[];
}

/** Reads the scenario notation (`b.s`, `b.s:reason`, `b.s=unidentified`, `b.s=null`) into findings by path. */
export function parseFindings(flags: readonly string[]): Map<string, Finding> {
  const findings = new Map<string, Finding>();
  for (const flag of flags) {
    const [pathAndReason = "", forced] = flag.split("=");
    const [path = "", reason] = pathAndReason.split(":");
    const result = forced === "null" ? null : forced === "unidentified" ? "unidentified" : "consider";
    const finding = findings.get(path) ?? { result, reasons: [] };
    if (reason) finding.reasons.push(reason);
    findings.set(path, finding);
  }
  return findings;
}

/** A breakdown is `consider` when any sub-breakdown is `consider` or `unidentified`; null when none was run. */
export function rollUp(subs: Record<string, SubBreakdown>): Result {
  const results = Object.values(subs).map((s) => s.result);
  if (results.some((r) => r === "consider" || r === "unidentified")) return "consider";
  if (results.length > 0 && results.every((r) => r === null)) return null;
  return "clear";
}

/** Builds `{result, breakdown}` for each listed sub-breakdown, applying findings and extra properties. */
export function buildBreakdown(
  name: string,
  subs: readonly string[],
  findings: Map<string, Finding>,
  properties: Record<string, Record<string, unknown>> = {},
): Breakdown {
  if (subs.length === 0) {
    const finding = findings.get(name);
    return { result: finding ? finding.result : "clear" };
  }
  const breakdown: Record<string, SubBreakdown> = {};
  for (const sub of subs) {
    const finding = findings.get(`${name}.${sub}`);
    const props: Record<string, unknown> = properties[sub] ? { ...properties[sub] } : {};
    for (const reason of finding?.reasons ?? []) props[reason] = "consider";
    breakdown[sub] = { result: finding ? finding.result : "clear", properties: props };
  }
  return { result: rollUp(breakdown), breakdown };
}
