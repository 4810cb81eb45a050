import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { processes } from "../../db/schema";
import { reportFields } from "../onfido/extracted-fields";
import { reportsOfZip } from "../findings/store-findings";
import { isDocumentReport, type OnfidoReport } from "../onfido/report-schemas";
import { foldForSearch, lookupFromSources, type LookupFields } from "./extract-lookup";

/** Onfido's document types in Assure's words (the same mapping Assure applies to `providerSpecific`). */
const ASSURE_DOCUMENT_TYPE: Record<string, string> = {
  passport: "passport",
  national_identity_card: "identityCard",
  driving_licence: "driverLicense",
  residence_permit: "residencePermit",
};

const LOOKUP_KEYS = ["firstName", "lastName", "documentNumber", "documentType", "dateOfBirth", "nationality", "issuingCountry"] as const;

/** The look-up fields the Onfido document report carries; null when there is none. */
export function lookupFromReports(reports: readonly OnfidoReport[] | null): LookupFields | null {
  const report = reports?.find((r) => isDocumentReport(r));
  if (!report) return null;
  const fields: Record<string, unknown> = { ...reportFields(report) };
  if (typeof fields.documentType === "string") fields.documentType = ASSURE_DOCUMENT_TYPE[fields.documentType] ?? null;
  return lookupFromSources([fields]);
}

/** The same from a full-result zip (a zip the desk refuses to open simply adds no fields). */
export async function lookupFromZip(zip: Uint8Array): Promise<LookupFields | null> {
  return lookupFromReports(await reportsOfZip(zip));
}

/**
 * Whether the zip is worth opening: the document type is unknown, or nothing identifying was read. A
 * single gap (no nationality on a driving licence) is normal, and the report would not fill it either.
 */
export function needsReport(row: Pick<LookupFields, (typeof LOOKUP_KEYS)[number]>): boolean {
  return row.documentType === null || (row.firstName === null && row.lastName === null && row.documentNumber === null && row.dateOfBirth === null);
}

/**
 * Fills the look-up columns that Assure's process object left empty from the stored zip's document
 * report (a real `providerSpecific` need not carry the extracted fields). Only empty columns are written:
 * what Assure said wins. Returns whether anything changed.
 */
export async function fillLookupFromResult(db: Db | Tx, processId: string, zip: Uint8Array, reports?: Promise<OnfidoReport[] | null>): Promise<boolean> {
  const [row] = await db
    .select({
      firstName: processes.firstName,
      lastName: processes.lastName,
      documentNumber: processes.documentNumber,
      documentType: processes.documentType,
      dateOfBirth: processes.dateOfBirth,
      nationality: processes.nationality,
      issuingCountry: processes.issuingCountry,
    })
    .from(processes)
    .where(eq(processes.processId, processId));
  if (!row || !needsReport(row)) return false;
  // The result stage opens the zip once for this and for the findings.
  const fromReport = reports ? lookupFromReports(await reports) : await lookupFromZip(zip);
  if (!fromReport) return false;
  const merged = Object.fromEntries(LOOKUP_KEYS.map((key) => [key, row[key] ?? fromReport[key]])) as Record<(typeof LOOKUP_KEYS)[number], string | null>;
  if (LOOKUP_KEYS.every((key) => merged[key] === row[key])) return false;
  const fullName = [merged.firstName, merged.lastName].filter(Boolean).join(" ");
  await db
    .update(processes)
    .set({ ...merged, nameSearch: fullName ? foldForSearch(fullName) : null })
    .where(eq(processes.processId, processId));
  return true;
}
