import { describe, expect, it } from "vitest";
import { describeLookup, parseDateOfBirth, parseLookup } from "./parse-lookup";

describe("parseLookup", () => {
  it("reads what was typed", () => {
    expect(parseLookup("  ")).toEqual({ ok: true, lookup: null });
    expect(parseLookup("João  Conceição")).toEqual({ ok: true, lookup: { kind: "name", words: ["joao", "conceicao"] } });
    expect(parseLookup("07.03.1985")).toEqual({ ok: true, lookup: { kind: "dob", date: "1985-03-07" } });
    expect(parseLookup("5e0c1a2b-77")).toEqual({ ok: true, lookup: { kind: "id", prefix: "5e0c1a2b-77" } });
    expect(parseLookup("C01X-00T")).toEqual({ ok: true, lookup: { kind: "document", prefix: "C01X00T" } });
    // Hex digits only: could be either, so both are searched.
    expect(parseLookup("ab12")).toEqual({ ok: true, lookup: { kind: "document-or-id", documentPrefix: "AB12", idPrefix: "ab12" } });
  });

  it("obeys an explicit kind", () => {
    expect(parseLookup("ab12", "document")).toEqual({ ok: true, lookup: { kind: "document", prefix: "AB12" } });
    expect(parseLookup("Müller", "name")).toEqual({ ok: true, lookup: { kind: "name", words: ["muller"] } });
    expect(parseLookup("ABC", "id")).toEqual({ ok: true, lookup: { kind: "id", prefix: "abc" } });
    expect(parseLookup("Müller", "dob")).toMatchObject({ ok: false });
  });

  it("says what is wrong in words staff understand", () => {
    expect(parseLookup("jo")).toEqual({ ok: false, message: "Type at least 3 letters of a name", problem: { key: "nameTooShort", min: 3 } });
    expect(parseLookup("a1")).toMatchObject({ ok: false, message: expect.stringMatching(/at least 3 characters/), problem: { key: "prefixTooShort", of: "documentNumberOrId" } });
    expect(parseLookup("29.02.2023")).toEqual({ ok: false, message: "29.02.2023 is not a real date", problem: { key: "notARealDate", text: "29.02.2023" } });
    expect(parseLookup("Müller", "dob")).toMatchObject({ problem: { key: "dateOfBirthFormat" } });
  });

  it("describes the look-up", () => {
    const read = parseLookup("ab12");
    expect(read.ok && read.lookup && describeLookup(read.lookup)).toEqual({ key: "documentOrId", documentPrefix: "AB12", idPrefix: "ab12" });
    const named = parseLookup("João  Conceição");
    expect(named.ok && named.lookup && describeLookup(named.lookup)).toEqual({ key: "name", words: "joao conceicao" });
  });
});

describe("parseDateOfBirth", () => {
  it("accepts leap days and rejects impossible dates", () => {
    expect(parseDateOfBirth("29/02/2024")).toBe("2024-02-29");
    expect(parseDateOfBirth("2023-02-29")).toBe("invalid");
    expect(parseDateOfBirth("1985")).toBeNull();
  });
});
