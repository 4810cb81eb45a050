import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import type { FilterPhrase } from "@/lib/lists/filter-phrases";
import { describeLookup, parseLookup, type LookupPhrase } from "@/lib/processes/parse-lookup";
import { describeProcessFilters } from "@/lib/processes/process-list-query";
import { sayFilter, sayLookup, sayLookupProblem } from "./filter-words";

const english = { words: en.Filters, labels: en.Labels, locale: "en-GB" };
const norwegian = { words: nb.Filters, labels: nb.Labels, locale: "nb-NO" };
const say = (phrase: FilterPhrase, language = english) => sayFilter(phrase, language.words, language.labels, language.locale);

describe("a list's filters in the page's language", () => {
  it("says the queue's filters as before in English, Assure's values as they are", () => {
    const phrases = describeProcessFilters({ status: ["failed", "rejected"], reason: "TIMEOUT", assigned: "mine", type: "documentSelfie", country: "PRT" });
    expect(phrases.map((p) => say(p))).toEqual([
      "assigned to you and not decided",
      "status is failed or rejected",
      "process type is Document + selfie",
      "issuing country is PRT",
      "failed for TIMEOUT",
    ]);
    expect(phrases.map((p) => say(p, norwegian))).toEqual([
      "de er tildelt deg og ikke avgjort",
      "status er failed eller rejected",
      "prosesstypen er Dokument + selfie",
      "utstedende land er PRT",
      "failReason-typen er TIMEOUT",
    ]);
  });

  it("writes days in the page's date format", () => {
    const days = describeProcessFilters({ dates: "created", from: "2026-12-02", to: "2026-12-24" });
    expect(days.map((p) => say(p))).toEqual(["created between 02/12/2026 and 24/12/2026"]);
    expect(days.map((p) => say(p, norwegian))).toEqual(["de ble opprettet mellom 02.12.2026 og 24.12.2026"]);
    expect(say({ key: "days", field: "activity", from: null, to: "2026-12-24" }, norwegian)).toBe("siste aktivitet var 24.12.2026 eller tidligere");
    expect(say({ key: "days", field: "updated", from: "2026-12-02", to: null })).toBe("updated on or after 02/12/2026");
    expect(describeProcessFilters({})).toEqual([]);
  });

  it("says how the look-up box reads what is typed, or why it cannot", () => {
    const read = (text: string) => {
      const reading = parseLookup(text);
      return reading.ok && reading.lookup ? describeLookup(reading.lookup) : null;
    };
    expect(sayLookup(read("maria santos")!, english.words, "en-GB")).toBe("name contains “maria santos”");
    expect(sayLookup(read("07.03.1985")!, norwegian.words, "nb-NO")).toBe("fødselsdatoen er 07.03.1985");
    expect(sayLookup(read("1985-03-07")!, english.words, "en-GB")).toBe("date of birth is 07/03/1985");
    expect(sayLookup(read("ab12")!, norwegian.words, "nb-NO")).toBe("dokumentnummeret begynner med «AB12», eller prosess- eller dossier-ID-en begynner med «ab12»");
    const refused = (text: string) => {
      const reading = parseLookup(text);
      if (reading.ok) throw new Error(`${text} was read`);
      return reading.problem;
    };
    expect(sayLookupProblem(refused("jo"), english.words)).toBe("Type at least 3 letters of a name");
    expect(sayLookupProblem(refused("jo"), norwegian.words)).toBe("Skriv minst 3 bokstaver av et navn");
    expect(sayLookupProblem(refused("29.02.2023"), norwegian.words)).toBe("29.02.2023 er ikke en gyldig dato");
    // English on the page is what the API says.
    for (const text of ["jo", "a1", "29.02.2023"]) {
      const reading = parseLookup(text);
      expect(!reading.ok && sayLookupProblem(reading.problem, english.words)).toBe(!reading.ok && reading.message);
    }
  });

  it("leaves no argument unfilled, in any language", () => {
    const phrases: FilterPhrase[] = [
      ...describeProcessFilters({ assigned: "unassigned", doc: "passport", finding: "document.image_integrity", linked: true, from: "2026-01-01" }),
      { key: "assigned", assigned: "decided" },
      ...(["created", "updated", "activity"] as const).map((field) => ({ key: "days" as const, field, from: "2026-01-01", to: "2026-01-02" })),
    ];
    const lookups: LookupPhrase[] = [
      { key: "name", words: "ola" },
      { key: "document", prefix: "AB1" },
      { key: "dob", date: "1985-03-07" },
      { key: "id", prefix: "abc" },
      { key: "documentOrId", documentPrefix: "AB1", idPrefix: "ab1" },
    ];
    for (const language of [english, norwegian]) {
      for (const phrase of phrases) expect(say(phrase, language)).not.toMatch(/[{}]/);
      for (const lookup of lookups) expect(sayLookup(lookup, language.words, language.locale)).not.toMatch(/[{}]/);
    }
  });
});
