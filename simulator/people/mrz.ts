/**
 * Machine-readable zones after ICAO 9303: TD3 (passports, 2 x 44) and TD1 (cards, 3 x 30), with check digits.
 * Names are transliterated to A-Z as Part 3 recommends (Å→AA, Ø→OE, Þ→TH, ß→SS, other marks dropped).
 */
const SPECIAL: Record<string, string> = {
  Å: "AA", Ä: "AE", Æ: "AE", Ö: "OE", Ø: "OE", Ü: "UE", Œ: "OE", ß: "SS", ẞ: "SS",
  Þ: "TH", Ð: "D", Đ: "D", Ł: "L", Ħ: "H", Ŋ: "N", Ĳ: "IJ", ı: "I",
};

export function transliterate(name: string): string {
  const upper = name.toUpperCase();
  let out = "";
  for (const ch of upper) out += SPECIAL[ch] ?? ch;
  return out
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[\s-]+/g, "<")
    .replace(/[^A-Z<]/g, "");
}

const charValue = (ch: string): number => {
  if (ch === "<") return 0;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new Error(`not an MRZ character: ${ch}`);
};

/** The ICAO 9303 check digit: weights 7, 3, 1 repeating, sum modulo 10. */
export function checkDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  [...field].forEach((ch, i) => {
    sum += charValue(ch) * (weights[i % 3] ?? 1);
  });
  return String(sum % 10);
}

const pad = (value: string, length: number): string => value.slice(0, length).padEnd(length, "<");

/** `1990-01-31` → `900131`. */
const mrzDate = (isoDate: string): string => isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);

const nameField = (lastName: string, firstName: string, length: number): string =>
  pad(`${transliterate(lastName)}<<${transliterate(firstName)}`, length);

export interface MrzInput {
  documentCode: "P" | "I" | "IR";
  issuingState: string;
  documentNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: "M" | "F" | "<";
  dateOfExpiry: string;
  lastName: string;
  firstName: string;
  /** Wrong check digits, for the scenario where the zone does not validate. */
  breakCheckDigits?: boolean;
}

/** A wrong digit that is certainly not the right one. */
const spoil = (digit: string): string => String((Number(digit) + 3) % 10);

export function buildMrz(input: MrzInput): string[] {
  const docNumber = pad(input.documentNumber, 9);
  const dob = mrzDate(input.dateOfBirth);
  const expiry = mrzDate(input.dateOfExpiry);
  const issuing = pad(input.issuingState, 3);
  const nationality = pad(input.nationality, 3);
  let docCd = checkDigit(docNumber);
  let dobCd = checkDigit(dob);
  const expCd = checkDigit(expiry);
  if (input.breakCheckDigits) {
    docCd = spoil(docCd);
    dobCd = spoil(dobCd);
  }

  if (input.documentCode === "P") {
    const personal = pad("", 14);
    const personalCd = "<";
    const line2Head = `${docNumber}${docCd}${nationality}${dob}${dobCd}${input.sex}${expiry}${expCd}${personal}${personalCd}`;
    // Composite: document number, birth, expiry and personal number fields with their check digits.
    const composite = checkDigit(line2Head.slice(0, 10) + line2Head.slice(13, 20) + line2Head.slice(21, 43));
    return [pad(`P<${issuing}${nameField(input.lastName, input.firstName, 39)}`, 44), line2Head + composite];
  }

  const line1 = pad(`${pad(input.documentCode, 2)}${issuing}${docNumber}${docCd}`, 30);
  const line2Head = `${dob}${dobCd}${input.sex}${expiry}${expCd}${nationality}${pad("", 11)}`;
  const composite = checkDigit(line1.slice(5, 30) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + line2Head.slice(18, 29));
  return [line1, line2Head + composite, nameField(input.lastName, input.firstName, 30)];
}

/** True when every check digit of a TD1 or TD3 zone is right (the simulator's own reading, for its reports). */
export function mrzCheckDigitsValid(lines: readonly string[]): boolean {
  const ok = (field: string, digit: string | undefined) => digit === checkDigit(field) || (digit === "<" && /^<*$/.test(field));
  const [l1 = "", l2 = ""] = lines;
  if (lines.length === 2) {
    return (
      ok(l2.slice(0, 9), l2[9]) && ok(l2.slice(13, 19), l2[19]) && ok(l2.slice(21, 27), l2[27]) &&
      ok(l2.slice(28, 42), l2[42]) && ok(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43])
    );
  }
  return (
    ok(l1.slice(5, 14), l1[14]) && ok(l2.slice(0, 6), l2[6]) && ok(l2.slice(8, 14), l2[14]) &&
    ok(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29])
  );
}
