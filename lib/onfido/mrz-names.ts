/**
 * Names and codes as the MRZ writes them (ICAO 9303 part 3): upper-case A–Z, `<` for spaces and hyphens,
 * letters with diacritics transliterated. Issuers differ (Ä may be AE or A), so a name matches when the MRZ
 * equals either reading.
 */

const ICAO: Record<string, string> = {
  Ä: "AE", Å: "AA", Æ: "AE", Ö: "OE", Ø: "OE", Ü: "UE", ß: "SS", Þ: "TH", Ð: "D", Œ: "OE", Ĳ: "IJ", Ł: "L", Đ: "D", Ħ: "H", Ŀ: "L", Ŧ: "T", Ŋ: "N",
};
const PLAIN: Record<string, string> = { ...ICAO, Ä: "A", Å: "A", Ö: "O", Ø: "O", Ü: "U" };

function fold(value: string, table: Record<string, string>): string {
  return [...value.toUpperCase()]
    .map((ch) => table[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, ""))
    .join("")
    // ICAO 9303: apostrophes are left out (O'BRIEN is OBRIEN); hyphens and spaces become fillers.
    .replace(/['’`´]/g, "")
    .replace(/[^A-Z]+/g, " ")
    .trim();
}

/** The readings of a name an MRZ may hold, as space-separated A–Z words. */
export function mrzNameReadings(name: string): string[] {
  return [...new Set([fold(name, ICAO), fold(name, PLAIN)])];
}

export function normalizeMrzName(value: string): string {
  return value.replace(/</g, " ").replace(/\s+/g, " ").trim().toUpperCase();
}

/**
 * How the MRZ's name compares with the extracted one. A name too long for the MRZ is cut at the end of the
 * line, so when the line is full a prefix is a match, marked truncated.
 */
export function compareMrzName(mrz: string, extracted: string, lineFull: boolean): "match" | "truncated" | "mismatch" {
  const written = normalizeMrzName(mrz);
  const readings = mrzNameReadings(extracted);
  if (readings.includes(written)) return "match";
  if (lineFull && readings.some((reading) => reading.startsWith(written) || reading.replace(/ /g, "").startsWith(written.replace(/ /g, "")))) {
    return "truncated";
  }
  return "mismatch";
}

/** Germany writes `D` in the MRZ; everyone else writes the ISO alpha-3 code. */
export function normalizeMrzCountry(code: string): string {
  const cleaned = code.replace(/</g, "").toUpperCase();
  return cleaned === "D" ? "DEU" : cleaned;
}

/** Document numbers without fillers, spaces or separators. */
export function normalizeDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** `YYYY-MM-DD` as the MRZ writes it, `YYMMDD`; null when it is not such a date. */
export function toMrzDate(isoDate: string): string | null {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/**
 * An MRZ date read with a century: birth dates are in the past, expiry dates mostly in the future.
 * Only for display; comparisons use the six digits.
 */
export function readMrzDate(yymmdd: string, kind: "birth" | "expiry", today = new Date()): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const thisYear = today.getUTCFullYear() % 100;
  const century = kind === "birth" ? (yy > thisYear ? 1900 : 2000) : yy > thisYear + 50 ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}
