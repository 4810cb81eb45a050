import { z } from "zod";
import { DOCUMENT_TYPES, PROCESS_STATUSES, PROCESS_TYPES, type ProcessStatus } from "./values";

/**
 * zod readings of the Assure API's objects (see README "Talking to the real Assure API").
 * Parsing is lenient where Assure is: fields may be missing or null and new fields may appear, so
 * objects are `looseObject` (unknown keys kept) and the raw JSON is stored beside what we extract.
 * A value we do not know (a new status, a new failReason type) is an error only where the desk
 * cannot work without understanding it.
 */

// The value lists live in ./values (zod-free, for the browser); re-exported here for the server's callers.
export { DOCUMENT_TYPES, PROCESS_STATUSES, PROCESS_TYPES, type DocumentType, type ProcessStatus, type ProcessType } from "./values";

export const FINAL_STATUSES = ["accepted", "rejected", "inconclusive", "canceled", "failed"] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export function isFinalStatus(status: ProcessStatus): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

const nullableString = z.string().nullish();

/** `YYYY-MM-DDThh:mm:ssZ` in the documentation; accept any ISO date-time with an offset. */
const timestamp = z.iso.datetime({ offset: true });

export const FinalResultSchema = z.looseObject({
  firstName: nullableString,
  lastName: nullableString,
  dateOfBirth: nullableString,
  dateOfExpiry: nullableString,
  gender: nullableString,
  nationality: nullableString,
  documentType: nullableString,
  documentNumber: nullableString,
  issuingCountry: nullableString,
  similarityScore: nullableString,
});
export type FinalResult = z.infer<typeof FinalResultSchema>;

export const DocumentVerificationSchema = z.looseObject({
  result: nullableString,
  subResult: nullableString,
  imageIntegrity: nullableString,
  visualAuthenticity: nullableString,
  dataValidation: nullableString,
  dataConsistency: nullableString,
  dataComparison: nullableString,
  compromisedDocument: nullableString,
  policeRecord: nullableString,
  ageValidation: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  dateOfBirth: nullableString,
  dateOfExpiry: nullableString,
  gender: nullableString,
  nationality: nullableString,
  documentType: nullableString,
  documentNumber: nullableString,
  issuingCountry: nullableString,
  mrzLine1: nullableString,
  mrzLine2: nullableString,
  mrzLine3: nullableString,
});
export type DocumentVerification = z.infer<typeof DocumentVerificationSchema>;

export const FacialSimilaritySchema = z.looseObject({
  result: nullableString,
  imageIntegrity: nullableString,
  faceComparison: nullableString,
  visualAuthenticity: nullableString,
  similarityScore: nullableString,
});
export type FacialSimilarity = z.infer<typeof FacialSimilaritySchema>;

export const ProviderSpecificSchema = z.looseObject({
  documentVerification: DocumentVerificationSchema.nullish(),
  facialSimilarity: FacialSimilaritySchema.nullish(),
});
export type ProviderSpecific = z.infer<typeof ProviderSpecificSchema>;

/** The set of types is open (upload_failed, USER_CONSENT_DENIED, time-outs, ...). */
export const FailReasonSchema = z.looseObject({
  type: nullableString,
  message: nullableString,
});
export type FailReason = z.infer<typeof FailReasonSchema>;

export const ProcessSchema = z.looseObject({
  processId: z.string().min(1),
  // The documented process object does not carry its dossier; some answers do.
  dossierId: z.string().min(1).optional(),
  provider: nullableString,
  processType: nullableString,
  documentType: nullableString,
  status: z.enum(PROCESS_STATUSES, {
    error: (issue) => `unknown process status ${JSON.stringify(issue.input)}`,
  }),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp.nullish(),
  notificationUrl: nullableString,
  authorization: nullableString,
  processParameters: z.record(z.string(), z.unknown()).nullish(),
  finalResult: FinalResultSchema.nullish(),
  providerSpecific: ProviderSpecificSchema.nullish(),
  failReason: FailReasonSchema.nullish(),
});
export type AssureProcess = z.infer<typeof ProcessSchema>;

export const DossierSummarySchema = z.looseObject({
  dossierId: z.string().min(1),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp.nullish(),
});
export type DossierSummary = z.infer<typeof DossierSummarySchema>;

export const DossierSchema = DossierSummarySchema.extend({
  processes: z.array(ProcessSchema).nullish(),
});
export type Dossier = z.infer<typeof DossierSchema>;

/** Assure's problem body for every 4xx (and, we assume, 5xx). */
export const ProblemSchema = z.looseObject({
  instance: nullableString,
  method: nullableString,
  status: z.number().int().optional(),
  type: nullableString,
  title: nullableString,
  detail: nullableString,
  traceId: nullableString,
  code: nullableString,
  invalidParams: z.array(z.looseObject({ name: z.string(), reason: z.string() })).nullish(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const DossierListSchema = z.array(DossierSummarySchema);

/** [doc] `GET /onfido/document-types`; the entry shape is our reading (README.md, our decisions). */
export const DocumentTypeEntrySchema = z.looseObject({
  documentType: z.string().min(1),
  countries: z.array(z.string()).nullish(),
});
export type DocumentTypeEntry = z.infer<typeof DocumentTypeEntrySchema>;
export const DocumentTypesSchema = z.array(DocumentTypeEntrySchema);

// ---- What the desk sends ----


/** Kinds of image a process or dossier accepts by upload; `portrait` can only be read. */
export const UPLOAD_IMAGE_KINDS = ["front", "back", "selfie"] as const;
export type UploadImageKind = (typeof UPLOAD_IMAGE_KINDS)[number];
export const IMAGE_KINDS = [...UPLOAD_IMAGE_KINDS, "portrait"] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

export const ProcessParametersSchema = z.looseObject({
  /** Required by Onfido: `countryOfResidence` (ISO 3166 alpha-3) or `ipAddress`. */
  location: z
    .looseObject({
      countryOfResidence: z.string().length(3).optional(),
      ipAddress: z.string().min(1).optional(),
    })
    .optional(),
  /** Only the end-user can give consent; staff never set it. */
  consents: z.looseObject({ privacy: z.boolean().optional() }).optional(),
  mobileAppId: z.string().min(1).optional(),
});
export type ProcessParameters = z.infer<typeof ProcessParametersSchema>;

export const CreateProcessRequestSchema = z.object({
  provider: z.string().min(1),
  processType: z.enum(PROCESS_TYPES),
  documentType: z.enum(DOCUMENT_TYPES).optional(),
  notificationUrl: z.url().optional(),
  /** Comes back as the notification's Authorization header [inferred]; never echoed in the process. */
  authorizationHeader: z.string().min(1).optional(),
  processParameters: ProcessParametersSchema.optional(),
});
export type CreateProcessRequest = z.infer<typeof CreateProcessRequestSchema>;

const dataUrl = z.string().regex(/^data:[^,]*;base64,/, "must be a base64 data URL");

/** Body of set images and of add dossier files: each image a data URL; kinds not sent are left alone. */
export const ImageSetSchema = z
  .strictObject({ front: dataUrl.optional(), back: dataUrl.optional(), selfie: dataUrl.optional() })
  .refine((set) => set.front !== undefined || set.back !== undefined || set.selfie !== undefined, {
    message: "at least one of front, back, selfie is required",
  });
export type ImageSet = z.infer<typeof ImageSetSchema>;
