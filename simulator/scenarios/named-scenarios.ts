/** The hand-written scenarios: every final status, the fail reasons, and the cases reviewers meet most. */
import type { OnfidoDocumentType } from "../people/countries";
import type { ProcessType, Scenario } from "./types";

export const ALL_TYPES: readonly ProcessType[] = ["document", "documentSelfie", "documentVideo"];
export const FACE_TYPES: readonly ProcessType[] = ["documentSelfie", "documentVideo"];
/** Documents with an ICAO machine-readable zone. */
export const MRZ_DOCUMENTS: readonly OnfidoDocumentType[] = ["passport", "national_identity_card", "residence_permit"];
export const LOW_SCORE: readonly [number, number] = [0.04, 0.45];

export const MULTIPLE_FACES_MESSAGE =
  "There was a validation error on this request (status code 422) | Field errors: {face_detection=[Multiple faces in image. " +
  "Please note this validation can be disabled by setting the advanced_validation parameter to false.]}";

export const NAMED_SCENARIOS: readonly Scenario[] = [
  { name: "accepted", status: "accepted", description: "A valid document and, where asked, a matching face.", processTypes: ALL_TYPES },
  {
    name: "accepted-medium-similarity",
    status: "accepted",
    description: "Clear reports with a face-match score between 0.50 and 0.80 (similarityScore medium).",
    processTypes: FACE_TYPES,
    faceMatchScore: [0.52, 0.78],
  },
  {
    name: "accepted-null-sub-breakdowns",
    status: "accepted",
    description: "Clear, with sub-breakdowns Onfido did not run (result null) and an issuing_authority without a chip read.",
    processTypes: ALL_TYPES,
    nullSubBreakdowns: true,
  },
  {
    name: "under-age",
    status: "rejected",
    description: "The holder is 14 to 17: age_validation.minimum_accepted_age is consider, sub_result rejected.",
    processTypes: ALL_TYPES,
    documentTypes: ["passport", "national_identity_card"],
    minor: true,
  },
  {
    name: "expired-document",
    status: "inconclusive",
    description: "The document expired before the check: data_validation.document_expiration, sub_result caution.",
    processTypes: ALL_TYPES,
    expired: true,
  },
  {
    name: "name-mismatch",
    status: "inconclusive",
    description: "The applicant's names differ from the document's: data_comparison first_name and last_name, caution.",
    processTypes: ALL_TYPES,
    nameMismatch: true,
  },
  {
    name: "broken-mrz",
    status: "inconclusive",
    description: "The MRZ check digits are wrong: data_validation.mrz consider, sub_result suspected.",
    processTypes: ALL_TYPES,
    documentTypes: MRZ_DOCUMENTS,
    brokenMrz: true,
  },
  {
    name: "low-face-match",
    status: "inconclusive",
    description: "The selfie shows someone else: face_match score below 0.5 (similarityScore low).",
    processTypes: FACE_TYPES,
    faceMatchScore: LOW_SCORE,
    media: "other-face",
  },
  {
    name: "spoof",
    status: "inconclusive",
    description: "The selfie is likely a spoof: spoofing_detection score near 0.",
    processTypes: FACE_TYPES,
    spoofingScore: [0.01, 0.2],
  },
  {
    name: "face-not-detected",
    status: "inconclusive",
    description: "No face found in the selfie: face_detected consider, face_match not performed (null, no score).",
    processTypes: FACE_TYPES,
    faceFlags: ["image_integrity.face_detected"],
  },
  {
    name: "face-result-null",
    status: "inconclusive",
    description: "The facial similarity report came back with result null: no verdict counts as not clear.",
    processTypes: FACE_TYPES,
    faceResultNull: true,
  },
  {
    name: "document-unidentified",
    status: "inconclusive",
    description: "Onfido could not classify the document: result unidentified, sub_result null, nothing extracted.",
    processTypes: ALL_TYPES,
    documentUnidentified: true,
  },
  {
    name: "unidentified-sub-breakdown",
    status: "inconclusive",
    description: "visual_authenticity.security_features is unidentified, which makes its breakdown consider.",
    processTypes: ALL_TYPES,
    documentFlags: ["visual_authenticity.security_features=unidentified"],
  },
  {
    name: "failed-multiple-faces",
    status: "failed",
    description: "Onfido refused the selfie upload: upload_failed, multiple faces (the documented example).",
    processTypes: ["documentSelfie"],
    failReason: { type: "upload_failed", message: MULTIPLE_FACES_MESSAGE },
    media: "two-faces",
  },
  {
    name: "failed-consent-denied",
    status: "failed",
    description: "The end-user refused Onfido's privacy consent: USER_CONSENT_DENIED.",
    processTypes: ALL_TYPES,
    failReason: { type: "USER_CONSENT_DENIED", message: "The end-user did not accept the provider's privacy policy." },
    media: "none",
  },
  {
    name: "failed-timeout",
    status: "failed",
    description: "Onfido did not finish in time: failReason type timeout.",
    processTypes: ALL_TYPES,
    failReason: { type: "timeout", message: "The provider did not return a result within 30 minutes." },
  },
  {
    name: "failed-provider-error",
    status: "failed",
    description: "Onfido answered with a server error: failReason type provider_error.",
    processTypes: ALL_TYPES,
    failReason: { type: "provider_error", message: "Onfido answered 503 Service Unavailable while creating the check." },
  },
  {
    name: "canceled",
    status: "canceled",
    description: "The end-user left the flow before finishing it.",
    processTypes: ALL_TYPES,
    canceled: true,
    media: "none",
  },
];
