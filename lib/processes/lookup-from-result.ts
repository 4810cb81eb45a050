import "server-only";
import { eq, sql } from "drizzle-orm";
import { compileStatement } from "../../db/compiled-statement";
import type { Db, Tx } from "../../db/client";
import { processes } from "../../db/schema";
import { reportFields } from "../onfido/extracted-fields";
import { findingsValues, findingsWrite, reportsOfZip, type FindingsValues } from "../findings/store-findings";
import { rowsOf } from "../../db/rows-of";
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

/**
 * Whether the zip is worth opening: the document type is unknown, or nothing identifying was read. A
 * single gap (no nationality on a driving licence) is normal, and the report would not fill it either.
 */
export function needsReport(row: Pick<LookupFields, (typeof LOOKUP_KEYS)[number]>): boolean {
  return row.documentType === null || (row.firstName === null && row.lastName === null && row.documentNumber === null && row.dateOfBirth === null);
}

type LookupRow = Pick<LookupFields, (typeof LOOKUP_KEYS)[number]>;

/** Writes what the report adds to the row as read; returns whether anything changed. */
async function fillFromReports(db: Db | Tx, processId: string, row: LookupRow, reports: () => Promise<OnfidoReport[] | null>): Promise<boolean> {
  if (!needsReport(row)) return false;
  const fromReport = lookupFromReports(await reports());
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

/**
 * Fills the look-up columns that Assure's process object left empty from the stored zip's document
 * report (a real `providerSpecific` need not carry the extracted fields). Only empty columns are written:
 * what Assure said wins. Returns whether anything changed. The zip is opened only when a column needs it.
 */
export async function fillLookupFromResult(db: Db | Tx, processId: string, zip: Uint8Array): Promise<boolean> {
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
  return row ? fillFromReports(db, processId, row, () => reportsOfZip(zip)) : false;
}

/** The findings written and the look-up columns read back, in one statement (one round trip, one commit). */
const findingsThenLookup = compileStatement<FindingsValues>(sql`
  with ${findingsWrite}
  select ${processes.firstName} as "firstName", ${processes.lastName} as "lastName",
         ${processes.documentNumber} as "documentNumber", ${processes.documentType} as "documentType",
         ${processes.dateOfBirth}::text as "dateOfBirth", ${processes.nationality} as "nationality",
         ${processes.issuingCountry} as "issuingCountry"
    from ${processes}
   where ${processes.processId} = ${sql.placeholder("processId")}`);

/**
 * What the result stage keeps of an opened zip's reports: its findings, and the look-up columns Assure's
 * process object left empty. One statement writes the findings and reads the look-up columns (the row is
 * nearly always complete, and the stage is done); only a row with gaps the report fills costs an update.
 * Before, the look-up's read and the findings' write were two statements at once on two connections; now the
 * stage holds one connection and commits once. What the findings still cost is their rows (bench/findings.ts).
 */
export async function storeFindingsAndFillLookup(db: Db | Tx, processId: string, reports: OnfidoReport[]): Promise<void> {
  const { values } = findingsValues(processId, reports);
  const [row] = rowsOf<LookupRow>(await db.execute(findingsThenLookup.bind(values)));
  if (row) await fillFromReports(db, processId, row, () => Promise.resolve(reports));
}
