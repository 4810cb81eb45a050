import { parse, type Details, type ParseResult } from "mrz";
import type { ExtractedField, ExtractedValues, MrzSource } from "./extracted-fields";
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
 *
 * The findings are for the page to word in the viewer's language: the parser's fields by name (`Mrz.field`
 * messages), its complaints as `Mrz.finding` keys with their values. What the desk has no words for keeps the
 * parser's own (English) words, as they are.
 */

/** The fields the `mrz` parser names, in every format it reads. */
export const MRZ_FIELDS = [
  "documentCode", "documentNumber", "documentNumberCheckDigit", "nationality", "sex", "expirationDate", "expirationDateCheckDigit",
  "compositeCheckDigit", "birthDate", "birthDateCheckDigit", "issueDate", "firstName", "lastName", "issuingState", "personalNumber",
  "personalNumberCheckDigit", "optional", "optional1", "optional2", "administrativeCode", "administrativeCode2", "languageCode", "pinCode", "versionNumber",
] as const;
export type MrzField = (typeof MRZ_FIELDS)[number];

/** What the parser found wrong with a field, as a key of the `Mrz.finding` messages and its values. */
export type MrzFinding =
  | { key: "checkDigit"; values: { found: string; expected: string } }
  | { key: "checkDigitFiller"; values: { found: string } }
  | { key: "stateCode"; values: { value: string } }
  | { key: "date"; values: { value: string } }
  | { key: "invalid"; values?: undefined }
  /** The parser's own words, for what the desk has no message for. */
  | { key: "parser"; values: { text: string } };

/** Why the lines are no MRZ: they fit no format's layout (line count or length), or another complaint. */
export interface MrzUnreadable {
  key: "layout" | "other";
  values: { count: number; lengths: string; parser: string };
}

export interface CheckDigit {
  /** null for a field the desk has no name for; `label` then says which (the parser's English). */
  field: MrzField | null;
  label: string;
  holds: boolean;
  error: MrzFinding | null;
}

export type Agreement = "match" | "mismatch" | "truncated" | "not-compared";

export interface MrzComparison {
  field: ExtractedField;
  mrz: string | null;
  /** The MRZ value as a reviewer reads it (a date with its century). */
  mrzDisplay: string;
  extracted: string | null;
  agreement: Agreement;
}

export type MrzCheck =
  | { state: "absent" }
  | { state: "unparseable"; lines: string[]; source: MrzSource; problem: MrzUnreadable }
  | {
      state: "parsed";
      lines: string[];
      source: MrzSource;
      format: string;
      /** Every field the parser validates (check digits, codes) holds. */
      valid: boolean;
      checkDigits: CheckDigit[];
      /** Other fields the parser found invalid, e.g. an unknown state code. */
      fieldErrors: { field: MrzField | null; label: string; error: MrzFinding }[];
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
  return { field, mrz, mrzDisplay: display, extracted: extracted ?? null, agreement };
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

const fieldOf = (d: Details): MrzField | null => (MRZ_FIELDS as readonly string[]).includes(d.field ?? "") ? (d.field as MrzField) : null;

/** The parser's complaint about a field (mrz 5: parsers/*.js), read into a finding the page can word. */
export function readFinding(error: string | undefined): MrzFinding {
  if (!error) return { key: "invalid" };
  const digit = /^invalid check digit: (\S+)\. Must be (\S+)$/.exec(error);
  if (digit) return { key: "checkDigit", values: { found: digit[1]!, expected: digit[2]! } };
  const filler = /^invalid check digit (\S+): must be 0 or <$/.exec(error);
  if (filler) return { key: "checkDigitFiller", values: { found: filler[1]! } };
  const state = /^invalid state code: (.+)$/.exec(error);
  if (state) return { key: "stateCode", values: { value: state[1]! } };
  const date = /^invalid date(?: month| day)?: (.+)$/.exec(error);
  if (date) return { key: "date", values: { value: date[1]! } };
  return { key: "parser", values: { text: error } };
}

/** The lines fit no format when the parser counts lines or characters; anything else it says is another problem. */
const LAYOUT = /^(unrecognized document format|invalid number of (lines|characters))/;

export function checkMrz(source: { lines: string[]; source: MrzSource } | null, fields: ExtractedValues): MrzCheck {
  if (!source || source.lines.length === 0) return { state: "absent" };
  const lines = source.lines.map((line) => line.trim());
  let result: ParseResult;
  try {
    result = parse(lines);
  } catch (error) {
    const parser = (error as Error).message;
    const values = { count: lines.length, lengths: lines.map((l) => l.length).join(", "), parser };
    return { state: "unparseable", lines, source: source.source, problem: { key: LAYOUT.test(parser) ? "layout" : "other", values } };
  }
  return {
    state: "parsed",
    lines,
    source: source.source,
    format: result.format,
    valid: result.valid,
    checkDigits: result.details.filter(isCheckDigit).map((d) => ({ field: fieldOf(d), label: d.label, holds: d.valid, error: d.valid ? null : readFinding(d.error) })),
    fieldErrors: result.details.filter((d) => !isCheckDigit(d) && !d.valid).map((d) => ({ field: fieldOf(d), label: d.label, error: readFinding(d.error) })),
    comparisons: compareFields(result, lines, fields),
  };
}
