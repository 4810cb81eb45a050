/**
 * CSV for spreadsheets (RFC 4180 with CRLF line ends), shared by every export. A file starts with a UTF-8 byte
 * order mark so that Excel reads accents (Ø, é) as UTF-8 instead of the system code page.
 *
 * Formula safety: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by spreadsheet
 * programs as a formula (CSV injection), so such a text cell is prefixed with an apostrophe, which the
 * spreadsheet shows as text. Numbers are written as numbers: a negative number is data, not a formula.
 */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, escaped and neutralised. */
export function csvCell(value: CsvValue): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = value instanceof Date ? value.toISOString() : value;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of cells, with its line end. */
export function csvLine(cells: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return `${line}\r\n`;
}

/** `processes-2026-12-01.csv`: the file name a download is saved under (no filter values: they may name people). */
export function csvFileName(what: string, now: Date = new Date()): string {
  return `${what}-${now.toISOString().slice(0, 10)}.csv`;
}
