import type { DocumentBreakdown } from "@onfido/api";
import { z } from "zod";

/**
 * Lenient readings of Onfido's raw objects as they come in the full-result zip (lib/onfido/README.md). Values may be
 * null (a check not performed) and new keys appear over time, so every object keeps its unknown keys and
 * only the fields the desk reasons about are typed. `@onfido/api`'s types are stricter than real data (no
 * nulls), so they name the known keys here rather than type the parsed values.
 */

const text = z.string().nullish();

export const OnfidoReportSchema = z.looseObject({
  id: text,
  name: z.string().min(1),
  status: text,
  result: text,
  sub_result: text,
  created_at: text,
  check_id: text,
  breakdown: z.record(z.string(), z.unknown()),
  properties: z.record(z.string(), z.unknown()).nullish(),
});
export type OnfidoReport = z.infer<typeof OnfidoReportSchema>;

export const OnfidoCheckSchema = z.looseObject({
  id: text,
  status: text,
  result: text,
  created_at: text,
  applicant_id: text,
  results_uri: text,
  report_ids: z.array(z.string()),
  tags: z.array(z.string()).nullish(),
  sandbox: z.boolean().nullish(),
});
export type OnfidoCheck = z.infer<typeof OnfidoCheckSchema>;

/** The document report's breakdowns in the order Onfido documents them; unknown ones follow in their own order. */
export const DOCUMENT_BREAKDOWN_ORDER: readonly (keyof DocumentBreakdown)[] = [
  "image_integrity",
  "visual_authenticity",
  "data_validation",
  "data_consistency",
  "data_comparison",
  "compromised_document",
  "police_record",
  "age_validation",
  "issuing_authority",
];

/** Sub-breakdowns whose `properties` list reasons, each present (as `consider`) when flagged. */
export const REASON_KEYS: Readonly<Record<string, readonly string[]>> = {
  image_quality: ["dark_photo", "glare_on_photo", "blurred_photo", "covered_photo", "other_photo_issue", "damaged_document", "incorrect_side", "cut_off_document", "no_document_in_image", "two_documents_uploaded"],
  conclusive_document_quality: ["obscured_data_points", "obscured_security_features", "abnormal_document_features", "watermarks_digital_text_overlay", "corner_removed", "punctured_document", "missing_back", "digital_document"],
  original_document_present: ["photo_of_screen", "screenshot", "document_on_printed_paper", "scan"],
  source_integrity: ["digital_tampering", "fake_webcam", "time_of_capture", "emulator", "challenge_reuse", "reasons"],
};

export function isDocumentReport(report: OnfidoReport): boolean {
  return report.name === "document" || report.name.startsWith("document_");
}

export function isFacialReport(report: OnfidoReport): boolean {
  return report.name.startsWith("facial_similarity");
}
