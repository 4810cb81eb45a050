import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nb from "../../messages/nb.json";
import { loadExample } from "../../tests/support/fixtures";
import { sampleDocumentReport } from "../results/testing/sample-result";
import { mrzLinesOf, pickFields, reportFields } from "./extracted-fields";
import { checkMrz, readFinding, type CheckDigit, type MrzCheck } from "./mrz-check";
import { compareMrzName } from "./mrz-names";
import { OnfidoReportSchema } from "./report-schemas";

const TD3 = ["PVNORSPECIMEN<<LAERKE<OEYVOR<AASE<<<<<<<<<<<", "00000000<0NOR7505319F24110154197505311234586"];
const FIELDS = {
  firstName: "LAERKE OEYVOR AASE",
  lastName: "SPECIMEN",
  documentNumber: "00000000",
  dateOfBirth: "1975-05-31",
  dateOfExpiry: "2024-11-01",
  nationality: "NOR",
  issuingCountry: "NOR",
  gender: "F",
};

function parsed(check: MrzCheck) {
  if (check.state !== "parsed") throw new Error(`expected a parsed MRZ, got ${check.state}`);
  return check;
}
const words_ = (locale: "en" | "nb") => createTranslator({ locale, messages: locale === "en" ? en : nb, namespace: "Mrz" });
/** A check digit as the MRZ panel writes it: the field's name, then the finding. */
function say(locale: "en" | "nb", digit: CheckDigit) {
  const t = words_(locale);
  return `${digit.field ? t(`field.${digit.field}`) : digit.label}: ${digit.error ? t(`finding.${digit.error.key}`, digit.error.values) : t("holds")}`;
}
const agreements = (check: MrzCheck) => Object.fromEntries(parsed(check).comparisons.map((c) => [c.field, c.agreement]));

describe("checkMrz", () => {
  it("a valid passport MRZ: every check digit holds and every field agrees", () => {
    const check = parsed(checkMrz({ lines: TD3, source: "providerSpecific" }, FIELDS));
    expect(check).toMatchObject({ format: "TD3", valid: true, fieldErrors: [] });
    expect(check.checkDigits.map((d) => [d.field, d.holds, d.error])).toEqual([
      ["documentNumberCheckDigit", true, null],
      ["birthDateCheckDigit", true, null],
      ["expirationDateCheckDigit", true, null],
      ["personalNumberCheckDigit", true, null],
      ["compositeCheckDigit", true, null],
    ]);
    expect(new Set(Object.values(agreements(check)))).toEqual(new Set(["match"]));
    expect(check.comparisons.find((c) => c.field === "dateOfBirth")?.mrzDisplay).toBe("750531 (1975-05-31)");
  });

  it("a broken check digit is reported with the digit it should be", () => {
    const broken = [TD3[0]!, TD3[1]!.replace("7505319F", "7505318F")];
    const check = parsed(checkMrz({ lines: broken, source: "providerSpecific" }, FIELDS));
    expect(check.valid).toBe(false);
    const failing = check.checkDigits.filter((d) => !d.holds);
    expect(failing.map((d) => [d.field, d.error])).toEqual([
      ["birthDateCheckDigit", { key: "checkDigit", values: { found: "8", expected: "9" } }],
      ["compositeCheckDigit", { key: "checkDigit", values: { found: "6", expected: "3" } }],
    ]);
    // As the page writes them.
    expect(failing.map((d) => `${say("en", d)}`)).toEqual(["Birth date check digit: the check digit is 8, it should be 9", "Composite check digit: the check digit is 6, it should be 3"]);
    expect(say("nb", failing[0]!)).toBe("Kontrollsiffer for fødselsdato: kontrollsifferet er 8, men skulle vært 9");
    // The date itself is still compared.
    expect(agreements(check).dateOfBirth).toBe("match");
  });

  it("flags a name, a number and a date that differ from the extracted fields", () => {
    const check = checkMrz({ lines: TD3, source: "providerSpecific" }, { ...FIELDS, lastName: "SPECIMAN", documentNumber: "00000001", dateOfExpiry: "2025-11-01" });
    expect(agreements(check)).toMatchObject({ lastName: "mismatch", firstName: "match", documentNumber: "mismatch", dateOfExpiry: "mismatch" });
  });

  it("Signicat's inconclusive example: the MRZ's birth date is not the extracted one", () => {
    const process = loadExample("inconclusive") as { providerSpecific: { documentVerification: Record<string, unknown> } };
    const dv = process.providerSpecific.documentVerification;
    const check = parsed(checkMrz(mrzLinesOf(dv, null), pickFields(dv)));
    expect(check.valid).toBe(true);
    expect(check.comparisons.find((c) => c.field === "dateOfBirth")).toMatchObject({ mrz: "750531", extracted: "2002-04-29", agreement: "mismatch" });
    expect(agreements(check)).toMatchObject({ lastName: "match", firstName: "match", documentNumber: "match", dateOfExpiry: "match", nationality: "match" });
  });

  it("Signicat's accepted example: two lines of an identity card MRZ cannot be read, and says why", () => {
    const process = loadExample("accepted") as { providerSpecific: { documentVerification: Record<string, unknown> } };
    const dv = process.providerSpecific.documentVerification;
    const check = checkMrz(mrzLinesOf(dv, null), pickFields(dv));
    expect(check).toMatchObject({ state: "unparseable", source: "providerSpecific" });
    if (check.state !== "unparseable") throw new Error("expected an unreadable MRZ");
    expect(check.problem).toEqual({ key: "layout", values: { count: 2, lengths: "30, 31", parser: "invalid number of lines: 2: Must be 3 for TD1" } });
    const words = (locale: "en" | "nb") => words_(locale)(`problem.${check.problem.key}`, check.problem.values);
    expect(words("en")).toBe("invalid number of lines: 2: Must be 3 for TD1 (2 lines of 30, 31 characters)");
    expect(words("nb")).toBe("2 linjer på 30, 31 tegn passer ikke til noe MRZ-format (tolkeren melder: invalid number of lines: 2: Must be 3 for TD1)");
  });

  it("reads the lines from the document report when Assure gave none, and is absent without any", () => {
    const report = OnfidoReportSchema.parse(sampleDocumentReport());
    const check = parsed(checkMrz(mrzLinesOf({}, report), reportFields(report)));
    expect(check.source).toBe("documentReport");
    expect(agreements(check)).toMatchObject({ gender: "match", firstName: "match" });
    expect(checkMrz(mrzLinesOf(null, null), {})).toEqual({ state: "absent" });
  });

  it("compares transliterated and truncated names", () => {
    expect(compareMrzName("OESTERGAARD", "ØSTERGÅRD", false)).toBe("match");
    expect(compareMrzName("MULLER", "Müller", false)).toBe("match");
    expect(compareMrzName("MUELLER", "Müller", false)).toBe("match");
    expect(compareMrzName("SANTOS<MENDES", "Santos-Mendes", false)).toBe("match");
    expect(compareMrzName("OBRIEN", "O'Brien", false)).toBe("match");
    expect(compareMrzName("DANGELO", "D’ANGELO", false)).toBe("match");
    expect(compareMrzName("WOLFESCHLEGELSTEIN", "WOLFESCHLEGELSTEINHAUSEN", true)).toBe("truncated");
    expect(compareMrzName("WOLFESCHLEGELSTEIN", "WOLFESCHLEGELSTEINHAUSEN", false)).toBe("mismatch");
  });
});

describe("the parser's complaints", () => {
  it("are read into findings the page words, and kept in the parser's words when the desk has none", () => {
    expect(readFinding("invalid check digit: 8. Must be 9")).toEqual({ key: "checkDigit", values: { found: "8", expected: "9" } });
    expect(readFinding("invalid check digit 7: must be 0 or <")).toEqual({ key: "checkDigitFiller", values: { found: "7" } });
    expect(readFinding("invalid state code: XXA")).toEqual({ key: "stateCode", values: { value: "XXA" } });
    expect(readFinding("invalid date month: 13")).toEqual({ key: "date", values: { value: "13" } });
    expect(readFinding(undefined)).toEqual({ key: "invalid" });
    expect(readFinding("invalid sex: X. Must be M, F or <.")).toEqual({ key: "parser", values: { text: "invalid sex: X. Must be M, F or <." } });
  });

  it("an unknown state code is a field error with the desk's name for the field", () => {
    const check = parsed(checkMrz({ lines: [TD3[0]!.replace("PVNOR", "PVQQQ"), TD3[1]!], source: "documentReport" }, FIELDS));
    expect(check.fieldErrors).toEqual([{ field: "issuingState", label: "Issuing state", error: { key: "stateCode", values: { value: "QQQ" } } }]);
    expect(words_("nb")(`finding.${check.fieldErrors[0]!.error.key}`, check.fieldErrors[0]!.error.values)).toBe("QQQ er ingen kjent landkode");
  });
});
