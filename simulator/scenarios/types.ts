/**
 * A scenario is the simulator's input for one process: what the person and their document are like and
 * what Onfido's analysis flags. It never states the outcome; the reports are built from it and the Assure
 * status is derived from the reports. `status` is only the scenario's intent, used to draw a bulk run's
 * status mix, and the tests check that the derivation agrees with it.
 */
import type { OnfidoDocumentType } from "../people/countries";

export const PROCESS_TYPES = ["document", "documentSelfie", "documentVideo"] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];

export const FINAL_STATUSES = ["accepted", "rejected", "inconclusive", "canceled", "failed"] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export const PROCESS_STATUSES = ["pending", "processing", ...FINAL_STATUSES] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export interface FailReason {
  type: string;
  message: string;
}

/** What the end-user's pictures show, for the generated media. */
export type MediaKind = "normal" | "none" | "two-faces" | "other-face";

export interface Scenario {
  name: string;
  status: FinalStatus;
  description: string;
  processTypes: readonly ProcessType[];
  documentTypes?: readonly OnfidoDocumentType[];
  /** The process ends `failed` with this reason before any check runs. */
  failReason?: FailReason;
  /** The end-user abandoned the flow. */
  canceled?: boolean;
  /** Facts about the holder and the document; the document report finds them itself. */
  minor?: boolean;
  expired?: boolean;
  brokenMrz?: boolean;
  nameMismatch?: boolean;
  /** Range of Onfido's face-match score; below 0.5 the face_match sub-breakdown is `consider`. */
  faceMatchScore?: readonly [number, number];
  /** Range of the spoofing-detection score; below 0.5 is `consider` (near 0 = likely spoof). */
  spoofingScore?: readonly [number, number];
  /**
   * Document findings, each `breakdown.sub` (consider), `breakdown.sub:reason` (consider, reason flagged),
   * `breakdown.sub=unidentified` or `breakdown.sub=null`.
   */
  documentFlags?: readonly string[];
  /** Facial similarity findings, same notation. */
  faceFlags?: readonly string[];
  /** Sub-breakdowns Onfido did not perform (result null) and an `issuing_authority` with no chip read. */
  nullSubBreakdowns?: boolean;
  /** Onfido could not classify the document at all: report result `unidentified`. */
  documentUnidentified?: boolean;
  /** The facial similarity report came back without a verdict (result null). */
  faceResultNull?: boolean;
  media?: MediaKind;
}
