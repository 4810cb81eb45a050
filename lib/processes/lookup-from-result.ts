import "server-only";
import { eq, sql } from "drizzle-orm";
import { compileStatement } from "../../db/compiled-statement";
import { rowsOf } from "../../db/rows-of";
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

/**
 * Whether the zip is worth opening: the document type is unknown, or nothing identifying was read. A
 * single gap (no nationality on a driving licence) is normal, and the report would not fill it either.
 */
export function needsReport(row: Pick<LookupFields, (typeof LOOKUP_KEYS)[number]>): boolean {
  return row.documentType === null || (row.firstName === null && row.lastName === null && row.documentNumber === null && row.dateOfBirth === null);
}

export type LookupRow = Pick<LookupFields, (typeof LOOKUP_KEYS)[number]>;

/** Writes what the report adds to the row as read; returns whether anything changed. */
export async function fillFromReports(db: Db | Tx, processId: string, row: LookupRow, reports: () => Promise<readonly OnfidoReport[] | null>): Promise<boolean> {
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

/** A process and its stored zip, as the result stage holds them. */
export interface StoredZip {
  processId: string;
  zip: Uint8Array;
}

/** The look-up columns of `processes` as a statement's select list, keyed by process. */
export const lookupColumns = sql`
  ${processes.processId} as "processId", ${processes.firstName} as "firstName", ${processes.lastName} as "lastName",
  ${processes.documentNumber} as "documentNumber", ${processes.documentType} as "documentType",
  ${processes.dateOfBirth}::text as "dateOfBirth", ${processes.nationality} as "nationality",
  ${processes.issuingCountry} as "issuingCountry"`;

export type KeyedLookupRow = LookupRow & { processId: string };

const lookupOfProcesses = compileStatement<{ ids: string }>(sql`
  select ${lookupColumns} from ${processes}
   where ${processes.processId} = any(array(select jsonb_array_elements_text(${sql.placeholder("ids")}::jsonb)))`);

/**
 * Fills the look-up columns that Assure's process object left empty from the stored zips' document reports
 * (a real `providerSpecific` need not carry the extracted fields). Only empty columns are written: what
 * Assure said wins. One statement reads the rows of all; a zip is opened only when its row needs it. Returns,
 * per zip, whether anything changed.
 */
export async function fillLookupFromResults(db: Db | Tx, stored: readonly StoredZip[]): Promise<boolean[]> {
  const rows = rowsOf<KeyedLookupRow>(await db.execute(lookupOfProcesses.bind({ ids: JSON.stringify(stored.map((s) => s.processId)) })));
  const byId = new Map(rows.map((row) => [row.processId, row]));
  const filled: boolean[] = [];
  for (const { processId, zip } of stored) {
    const row = byId.get(processId);
    filled.push(row ? await fillFromReports(db, processId, row, () => reportsOfZip(zip)) : false);
  }
  return filled;
}

/** `fillLookupFromResults` for one process. */
export async function fillLookupFromResult(db: Db | Tx, processId: string, zip: Uint8Array): Promise<boolean> {
  const [filled] = await fillLookupFromResults(db, [{ processId, zip }]);
  return filled === true;
}
