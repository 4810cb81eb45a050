/**
 * Onfido's facial similarity report (photo for documentSelfie, video for documentVideo). Scores are facts:
 * a face-match or spoofing score under 0.5 makes its sub-breakdown `consider`; the scenario's flags add what
 * scores do not show. The report's result is `consider` when any breakdown is.
 */
import { buildBreakdown, FACE_BREAKDOWNS, type FaceVariant, parseFindings } from "./breakdown-table";
import type { Breakdown, OnfidoReport, Result } from "./types";

export const SCORE_THRESHOLD = 0.5;

export interface FacialReportInput {
  id: string;
  checkId: string;
  documentIds: string[];
  liveId: string;
  createdAt: string;
  variant: FaceVariant;
  faceMatchScore: number;
  spoofingScore: number;
  flags: readonly string[];
  /** Onfido returned the report without a verdict. */
  resultNull: boolean;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

export function buildFacialReport(input: FacialReportInput): OnfidoReport {
  const flags = [...input.flags];
  const noFace = flags.some((f) => f.startsWith("image_integrity.face_detected"));
  // Without a detected face there is nothing to compare: face_match is not performed.
  if (noFace) flags.push("face_comparison.face_match=null");
  else if (input.faceMatchScore < SCORE_THRESHOLD) flags.push("face_comparison.face_match");
  if (input.spoofingScore < SCORE_THRESHOLD) flags.push("visual_authenticity.spoofing_detection");
  if (input.resultNull) {
    for (const [name, subs] of Object.entries(FACE_BREAKDOWNS[input.variant])) {
      flags.push(...subs.map((sub) => `${name}.${sub}=null`));
    }
  }
  const findings = parseFindings(flags);
  const documentId = input.documentIds[0] ?? null;
  const properties: Record<string, Record<string, unknown>> = {
    face_match: noFace || input.resultNull ? {} : { score: round4(input.faceMatchScore), document_id: documentId },
    spoofing_detection: input.resultNull ? {} : { score: round4(input.spoofingScore) },
  };
  const breakdown: Record<string, Breakdown> = {};
  for (const [name, subs] of Object.entries(FACE_BREAKDOWNS[input.variant])) {
    breakdown[name] = buildBreakdown(name, subs, findings, properties);
  }
  const results = Object.values(breakdown).map((b) => b.result);
  const result: Result = input.resultNull ? null : results.includes("consider") ? "consider" : "clear";
  const live = [{ id: input.liveId }];
  const scored = input.variant === "video" && !noFace && !input.resultNull;
  return {
    id: input.id,
    created_at: input.createdAt,
    href: `/v3.6/reports/${input.id}`,
    check_id: input.checkId,
    name: input.variant === "photo" ? "facial_similarity_photo" : "facial_similarity_video",
    status: "complete",
    result,
    sub_result: null,
    breakdown,
    properties: scored ? { score: round4(input.faceMatchScore) } : {},
    documents: input.documentIds.map((id) => ({ id })),
    ...(input.variant === "photo" ? { live_photos: live } : { live_videos: live }),
  };
}
