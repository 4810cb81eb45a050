import type { AssureProcess } from "../assure/schemas";

/** The columns a look-up needs (and the queue's document filter), read from what Assure extracted from the document. */
export interface LookupFields {
  firstName: string | null;
  lastName: string | null;
  nameSearch: string | null;
  documentNumber: string | null;
  documentType: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  issuingCountry: string | null;
}

/** Lower case without diacritics, so that "Joao" finds "JOÃO" and "muller" finds "Müller". */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[Øø]/g, "o")
    .replace(/[Łł]/g, "l")
    .replace(/[Ææ]/g, "ae")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Document numbers are compared without case, spaces or separators: "ab 12-34" is "AB1234". */
export function normaliseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Assure's word for a document type it could not name: no better than none, so a fallback may fill it. */
function documentTypeText(value: unknown): string | null {
  const type = text(value);
  return type && type !== "unknown" ? type : null;
}

/**
 * `finalResult` exists only for accepted processes; rejected and inconclusive ones still carry the
 * extracted fields in `providerSpecific.documentVerification`, so each field falls back to it. The
 * document type read from the document comes before the one asked for at create process (often none).
 */
export function extractLookup(process: AssureProcess): LookupFields {
  return lookupFromSources([process.finalResult ?? {}, process.providerSpecific?.documentVerification ?? {}], process.documentType);
}

/** The look-up fields from camelCase records (Assure's names), each field from the first record that has it. */
export function lookupFromSources(sources: Record<string, unknown>[], requestedDocumentType?: string | null): LookupFields {
  const field = (name: string) => sources.reduce<string | null>((found, source) => found ?? text(source[name]), null);

  const firstName = field("firstName");
  const lastName = field("lastName");
  const fullName = [firstName, lastName].filter(Boolean).join(" ");
  const documentNumber = field("documentNumber");
  const dateOfBirth = field("dateOfBirth");

  return {
    firstName,
    lastName,
    nameSearch: fullName ? foldForSearch(fullName) : null,
    documentNumber: documentNumber ? normaliseDocumentNumber(documentNumber) || null : null,
    documentType:
      sources.reduce<string | null>((found, source) => found ?? documentTypeText(source.documentType), null) ??
      documentTypeText(requestedDocumentType),
    dateOfBirth: dateOfBirth && isRealDate(dateOfBirth) ? dateOfBirth : null,
    nationality: field("nationality")?.toUpperCase() ?? null,
    issuingCountry: field("issuingCountry")?.toUpperCase() ?? null,
  };
}
