import type { OnfidoReport } from "./report-schemas";

/** The personal fields Assure extracts from the document, in the order a reviewer reads them. */
export const EXTRACTED_FIELDS = ["firstName", "lastName", "dateOfBirth", "gender", "nationality", "documentType", "documentNumber", "issuingCountry", "dateOfExpiry"] as const;
export type ExtractedField = (typeof EXTRACTED_FIELDS)[number];
export type ExtractedValues = Partial<Record<ExtractedField, string>>;

export const FIELD_LABELS: Record<ExtractedField, string> = {
  firstName: "First name",
  lastName: "Last name",
  dateOfBirth: "Date of birth",
  gender: "Gender",
  nationality: "Nationality",
  documentType: "Document type",
  documentNumber: "Document number",
  issuingCountry: "Issuing country",
  dateOfExpiry: "Date of expiry",
};

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

export function pickFields(source: unknown): ExtractedValues {
  if (typeof source !== "object" || source === null) return {};
  const record = source as Record<string, unknown>;
  const values: ExtractedValues = {};
  for (const field of EXTRACTED_FIELDS) {
    const value = text(record[field]);
    if (value !== undefined) values[field] = value;
  }
  return values;
}

/** The same fields from the Onfido document report's snake_case `properties`. */
export function reportFields(report: OnfidoReport | null | undefined): ExtractedValues {
  const p = report?.properties;
  if (!p) return {};
  const numbers = Array.isArray(p.document_numbers) ? (p.document_numbers as unknown[]) : [];
  const first = numbers.find((n): n is { value: string } => typeof n === "object" && n !== null && typeof (n as { value?: unknown }).value === "string");
  return pickFields({
    firstName: p.first_name,
    lastName: p.last_name,
    dateOfBirth: p.date_of_birth,
    gender: p.gender,
    nationality: p.nationality,
    documentType: p.document_type,
    documentNumber: first?.value,
    issuingCountry: p.issuing_country,
    dateOfExpiry: p.date_of_expiry,
  });
}

/** Where the MRZ lines were read: Assure's `providerSpecific.documentVerification`, or the Onfido document report. */
export type MrzSource = "providerSpecific" | "documentReport";

/** The MRZ lines, from Assure's document verification or else the document report. */
export function mrzLinesOf(documentVerification: unknown, report: OnfidoReport | null | undefined): { lines: string[]; source: MrzSource } | null {
  const dv = (typeof documentVerification === "object" && documentVerification !== null ? documentVerification : {}) as Record<string, unknown>;
  const fromAssure = [dv.mrzLine1, dv.mrzLine2, dv.mrzLine3].map(text).filter((l): l is string => l !== undefined);
  if (fromAssure.length > 0) return { lines: fromAssure, source: "providerSpecific" };
  const p = report?.properties ?? {};
  const fromReport = [p.mrz_line1, p.mrz_line2, p.mrz_line3].map(text).filter((l): l is string => l !== undefined);
  return fromReport.length > 0 ? { lines: fromReport, source: "documentReport" } : null;
}
