/**
 * The Onfido v3.6 objects the simulator writes into the full-result zip, typed as precisely as the simulator
 * produces them (Onfido's own `@onfido/api` types are looser: every field optional, results plain strings).
 */
export type Result = "clear" | "consider" | "unidentified" | null;
export type SubResult = "clear" | "rejected" | "suspected" | "caution" | null;

export interface SubBreakdown {
  result: Result;
  properties: Record<string, unknown>;
}

export interface Breakdown {
  result: Result;
  breakdown?: Record<string, SubBreakdown>;
}

export interface OnfidoReport {
  id: string;
  created_at: string;
  href: string;
  check_id: string;
  name: "document" | "facial_similarity_photo" | "facial_similarity_video";
  status: "complete";
  result: Result;
  sub_result: SubResult;
  breakdown: Record<string, Breakdown>;
  properties: Record<string, unknown>;
  documents: { id: string }[];
  live_photos?: { id: string }[];
  live_videos?: { id: string }[];
}

export interface OnfidoCheck {
  id: string;
  created_at: string;
  href: string;
  status: "complete";
  result: "clear" | "consider";
  applicant_id: string;
  report_ids: string[];
  results_uri: string;
  tags: string[];
  sandbox: boolean;
  version: "3.6";
}
