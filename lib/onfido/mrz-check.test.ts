import { describe, expect, it } from "vitest";
import { loadExample } from "../../tests/support/fixtures";
import { sampleDocumentReport } from "../results/testing/sample-result";
import { mrzLinesOf, pickFields, reportFields } from "./extracted-fields";
import { checkMrz, type MrzCheck } from "./mrz-check";
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
const agreements = (check: MrzCheck) => Object.fromEntries(parsed(check).comparisons.map((c) => [c.field, c.agreement]));

describe("checkMrz", () => {
  it("a valid passport MRZ: every check digit holds and every field agrees", () => {
    const check = parsed(checkMrz({ lines: TD3, source: "test" }, FIELDS));
    expect(check).toMatchObject({ format: "TD3", valid: true, fieldErrors: [] });
    expect(check.checkDigits.map((d) => [d.label, d.holds])).toEqual([
      ["Document number check digit", true],
      ["Birth date check digit", true],
      ["Expiration date check digit", true],
      ["Personal number check digit", true],
      ["Composite check digit", true],
    ]);
    expect(new Set(Object.values(agreements(check)))).toEqual(new Set(["match"]));
    expect(check.comparisons.find((c) => c.field === "dateOfBirth")?.mrzDisplay).toBe("750531 (1975-05-31)");
  });

  it("a broken check digit is reported with the digit it should be", () => {
    const broken = [TD3[0]!, TD3[1]!.replace("7505319F", "7505318F")];
    const check = parsed(checkMrz({ lines: broken, source: "test" }, FIELDS));
    expect(check.valid).toBe(false);
    expect(check.checkDigits.filter((d) => !d.holds).map((d) => [d.label, d.error])).toEqual([
      ["Birth date check digit", "invalid check digit: 8. Must be 9"],
      ["Composite check digit", "invalid check digit: 6. Must be 3"],
    ]);
    // The date itself is still compared.
    expect(agreements(check).dateOfBirth).toBe("match");
  });

  it("flags a name, a number and a date that differ from the extracted fields", () => {
    const check = checkMrz({ lines: TD3, source: "test" }, { ...FIELDS, lastName: "SPECIMAN", documentNumber: "00000001", dateOfExpiry: "2025-11-01" });
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
    expect(check).toMatchObject({ state: "unparseable", source: "providerSpecific.documentVerification" });
    expect(check.state === "unparseable" && check.problem).toBe("invalid number of lines: 2: Must be 3 for TD1 (2 lines of 30, 31 characters)");
  });

  it("reads the lines from the document report when Assure gave none, and is absent without any", () => {
    const report = OnfidoReportSchema.parse(sampleDocumentReport());
    const check = parsed(checkMrz(mrzLinesOf({}, report), reportFields(report)));
    expect(check.source).toBe("the document report");
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
