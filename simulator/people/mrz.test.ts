import { parse } from "mrz";
import { describe, expect, it } from "vitest";
import { buildMrz, checkDigit, mrzCheckDigitsValid, transliterate } from "./mrz";
import { generateIdentity } from "./person";
import { createRng } from "./prng";

describe("ICAO 9303 check digits", () => {
  it("match the specimen values of ICAO 9303 part 3", () => {
    expect(checkDigit("L898902C3")).toBe("6");
    expect(checkDigit("740812")).toBe("2");
    expect(checkDigit("120415")).toBe("9");
    expect(checkDigit("D23145890")).toBe("7");
  });

  it("rebuild the ICAO specimen passport zone", () => {
    const lines = buildMrz({
      documentCode: "P", issuingState: "UTO", documentNumber: "L898902C3", nationality: "UTO",
      dateOfBirth: "1974-08-12", sex: "F", dateOfExpiry: "2012-04-15", lastName: "Eriksson", firstName: "Anna María",
    });
    expect(lines[0]).toBe("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    // The specimen carries a personal number; without one the composite digit is computed over fillers.
    expect(lines[1]?.slice(0, 28)).toBe("L898902C36UTO7408122F1204159");
  });
});

describe("transliteration", () => {
  it("writes names in A-Z as ICAO recommends", () => {
    expect(transliterate("Lærke Øyvor Åse")).toBe("LAERKE<OEYVOR<AASE");
    expect(transliterate("Müller-Groß")).toBe("MUELLER<GROSS");
    expect(transliterate("Þórdís Sigurðardóttir")).toBe("THORDIS<SIGURDARDOTTIR");
    expect(transliterate("Łukasz Wiśniewski")).toBe("LUKASZ<WISNIEWSKI");
    expect(transliterate("O'Brien")).toBe("OBRIEN");
    expect(transliterate("Nguyễn Thị")).toBe("NGUYEN<THI");
    expect(transliterate("İrem Yılmaz")).toBe("IREM<YILMAZ");
  });
});

describe("generated documents", () => {
  it("have zones that an independent MRZ parser accepts, with the document's own data", () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { person, document } = generateIdentity(createRng(seed), { today: "2025-06-01" });
      if (!document.mrz) {
        expect(document.type).toBe("driving_licence");
        continue;
      }
      checked++;
      for (const line of document.mrz) expect(line).toMatch(/^[A-Z0-9<]+$/);
      expect(document.mrz.map((l) => l.length)).toEqual(document.type === "passport" ? [44, 44] : [30, 30, 30]);
      const parsed = parse(document.mrz);
      const invalid = parsed.details.filter((d) => !d.valid).map((d) => `${d.label}: ${d.error}`);
      expect(invalid, document.mrz.join("\n")).toEqual([]);
      expect(parsed.valid).toBe(true);
      expect(parsed.fields.documentNumber).toBe(document.number);
      expect(parsed.fields.birthDate).toBe(person.dateOfBirth.replace(/-/g, "").slice(2));
      expect(mrzCheckDigitsValid(document.mrz)).toBe(true);
    }
    expect(checked).toBeGreaterThan(250);
  });

  it("break the check digits only in the broken-MRZ case", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { document } = generateIdentity(createRng(seed), { today: "2025-06-01", brokenMrz: true, allowedDocumentTypes: ["passport", "national_identity_card"] });
      expect(document.mrz && mrzCheckDigitsValid(document.mrz)).toBe(false);
      expect(parse(document.mrz ?? []).valid).toBe(false);
    }
  });

  it("have sensible dates and names with diacritics across many countries", () => {
    const countries = new Set<string>();
    let diacritics = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { person, document } = generateIdentity(createRng(seed), { today: "2025-06-01" });
      countries.add(document.issuingCountry);
      if (/[^\x00-\x7f]/.test(person.firstName + person.lastName)) diacritics++;
      expect(person.dateOfBirth < "2007-06-02").toBe(true);
      expect(document.dateOfExpiry > "2025-06-01").toBe(true);
      expect(document.issuingDate < "2025-06-01").toBe(true);
      expect(person.nationality).toMatch(/^[A-Z]{3}$/);
    }
    expect(countries.size).toBeGreaterThan(15);
    expect(diacritics).toBeGreaterThan(60);
  });
});
