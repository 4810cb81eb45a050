/** Onfido values to Assure values, as the contract's "our decisions" table fixes them. */
import type { OnfidoDocumentType } from "../people/countries";

export type AssureDocumentType = "passport" | "identityCard" | "driverLicense" | "residencePermit";

export const ASSURE_DOCUMENT_TYPES: readonly AssureDocumentType[] = [
  "passport",
  "identityCard",
  "driverLicense",
  "residencePermit",
];

const DOCUMENT_TYPES: Record<OnfidoDocumentType, AssureDocumentType> = {
  passport: "passport",
  national_identity_card: "identityCard",
  driving_licence: "driverLicense",
  residence_permit: "residencePermit",
};

export function assureDocumentType(onfido: unknown): AssureDocumentType | "unknown" {
  const known = Object.entries(DOCUMENT_TYPES).find(([name]) => name === onfido);
  return known ? known[1] : "unknown";
}

/** The Onfido name for an Assure document type given at create process. */
export function onfidoDocumentType(assure: AssureDocumentType): OnfidoDocumentType {
  const entry = (Object.entries(DOCUMENT_TYPES) as [OnfidoDocumentType, AssureDocumentType][]).find(([, v]) => v === assure);
  if (!entry) throw new Error(`no Onfido type for ${assure}`);
  return entry[0];
}

export function assureGender(onfido: unknown): "F" | "M" | undefined {
  if (typeof onfido !== "string") return undefined;
  const g = onfido.toLowerCase();
  return g === "female" ? "F" : g === "male" ? "M" : undefined;
}

export type SimilarityScore = "high" | "medium" | "low";

export function similarityScore(score: unknown): SimilarityScore | undefined {
  if (typeof score !== "number") return undefined;
  return score >= 0.8 ? "high" : score >= 0.5 ? "medium" : "low";
}
