import { parse, type Details, type ParseResult } from "mrz";
import type { ExtractedField, ExtractedValues } from "./extracted-fields";
import { FIELD_LABELS } from "./extracted-fields";
import {
  compareMrzName,
  normalizeDocumentNumber,
  normalizeMrzCountry,
  normalizeMrzName,
  readMrzDate,
  toMrzDate,
} from "./mrz-names";

/**
 * The MRZ read independently of Onfido: do its check digits hold, and does it say what the extracted fields
 * say? A forged or misread document often shows here first (Signicat's inconclusive example: its MRZ gives a
 * birth date of 1975-05-31 where the extracted one is 2002-04-29).
 */

export interface CheckDigit {
  label: string;
  holds: boolean;
  error: string | null;
}

export type Agreement = "match" | "mismatch" | "truncated" | "not-compared";

export interface MrzComparison {
  field: ExtractedField;
  label: string;
  mrz: string | null;
  /** The MRZ value as a reviewer reads it (a date with its century). */
  mrzDisplay: string;
  extracted: string | null;
  agreement: Agreement;
}

export type MrzCheck =
  | { state: "absent" }
  | { state: "unparseable"; lines: string[]; source: string; problem: string }
  | {
      state: "parsed";
      lines: string[];
      source: string;
      format: string;
      /** Every field the parser validates (check digits, codes) holds. */
      valid: boolean;
      checkDigits: CheckDigit[];
      /** Other fields the parser found invalid, e.g. an unknown state code. */
      fieldErrors: { label: string; error: string }[];
      comparisons: MrzComparison[];
    };

function rawValue(result: ParseResult, lines: string[], field: string): string | null {
  const detail = result.details.find((d) => d.field === field);
  if (!detail) return null;
  return lines[detail.line]?.slice(detail.start, detail.end) ?? null;
}

/** The name line is full when its last character is not a filler: the name may be cut. */
function nameLineFull(result: ParseResult, lines: string[]): boolean {
  const detail = result.details.find((d) => d.field === "lastName");
  const line = detail ? lines[detail.line] : undefined;
  return line !== undefined && !line.endsWith("<");
}

function compare(field: ExtractedField, mrz: string | null, extracted: string | undefined, agree: (m: string, e: string) => Agreement, display = mrz ?? "—"): MrzComparison {
  const agreement = mrz === null || mrz === "" || extracted === undefined ? "not-compared" : agree(mrz, extracted);
  return { field, label: FIELD_LABELS[field], mrz, mrzDisplay: display, extracted: extracted ?? null, agreement };
}

const same = (a: string, b: string): Agreement => (a === b ? "match" : "mismatch");

function compareFields(result: ParseResult, lines: string[], fields: ExtractedValues): MrzComparison[] {
  const raw = (field: string) => rawValue(result, lines, field);
  const full = nameLineFull(result, lines);
  const name = (field: "firstName" | "lastName") => {
    const value = result.fields[field] ?? raw(field);
    return compare(field, value ? normalizeMrzName(value) : null, fields[field], (m, e) => compareMrzName(m, e, full));
  };
  const date = (field: "dateOfBirth" | "dateOfExpiry", mrzField: string, kind: "birth" | "expiry") => {
    const value = raw(mrzField);
    const read = value ? readMrzDate(value, kind) : null;
    return compare(field, value, fields[field], (m, e) => same(m, toMrzDate(e) ?? e), value ? `${value}${read ? ` (${read})` : ""}` : "—");
  };
  const country = (field: "nationality" | "issuingCountry", mrzField: string) => {
    const value = raw(mrzField);
    return compare(field, value ? normalizeMrzCountry(value) : null, fields[field], (m, e) => same(m, normalizeMrzCountry(e)));
  };
  const documentNumber = result.documentNumber ?? raw("documentNumber");
  const sex = result.fields.sex ?? null;
  return [
    name("lastName"),
    name("firstName"),
    compare("documentNumber", documentNumber ? normalizeDocumentNumber(documentNumber) : null, fields.documentNumber, (m, e) => same(m, normalizeDocumentNumber(e))),
    date("dateOfBirth", "birthDate", "birth"),
    date("dateOfExpiry", "expirationDate", "expiry"),
    country("nationality", "nationality"),
    country("issuingCountry", "issuingState"),
    // The parser reads M/F as male/female; Onfido writes Male/Female, Assure F/M.
    compare("gender", sex, fields.gender, (m, e) => same(m.charAt(0).toUpperCase(), e.charAt(0).toUpperCase())),
  ];
}

const isCheckDigit = (d: Details) => d.field !== null && d.field.endsWith("CheckDigit");

export function checkMrz(source: { lines: string[]; source: string } | null, fields: ExtractedValues): MrzCheck {
  if (!source || source.lines.length === 0) return { state: "absent" };
  const lines = source.lines.map((line) => line.trim());
  let result: ParseResult;
  try {
    result = parse(lines);
  } catch (error) {
    const lengths = lines.map((l) => l.length).join(", ");
    return {
      state: "unparseable",
      lines,
      source: source.source,
      problem: `${(error as Error).message} (${lines.length} line${lines.length === 1 ? "" : "s"} of ${lengths} characters)`,
    };
  }
  return {
    state: "parsed",
    lines,
    source: source.source,
    format: result.format,
    valid: result.valid,
    checkDigits: result.details.filter(isCheckDigit).map((d) => ({ label: d.label, holds: d.valid, error: d.error ?? null })),
    fieldErrors: result.details.filter((d) => !isCheckDigit(d) && !d.valid).map((d) => ({ label: d.label, error: d.error ?? "invalid" })),
    comparisons: compareFields(result, lines, fields),
  };
}
