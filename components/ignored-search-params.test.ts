import { parseAsArrayOf, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import { expectedInEnglish, findIgnoredParams, parseAsCountryCode, parseAsIsoDay, type Expected } from "./ignored-search-params";

const parsers = {
  q: parseAsString.withDefault(""),
  status: parseAsArrayOf(parseAsStringLiteral(["accepted", "failed"] as const)).withDefault([]),
  assigned: parseAsStringLiteral(["mine", "unassigned"] as const),
  size: parseAsNumberLiteral([25, 50] as const).withDefault(50),
  from: parseAsIsoDay,
  country: parseAsCountryCode,
};

describe("findIgnoredParams", () => {
  it("names unknown choices, unknown list items and bad dates the same way", () => {
    const raw = { assigned: "me", status: "bogus,failed", from: "2024-13-45", size: "30", q: "anything goes", country: "pt" };
    expect(findIgnoredParams(parsers, raw, { from: { kind: "day" } })).toEqual([
      { key: "status", value: "bogus", expected: undefined },
      { key: "assigned", value: "me", expected: undefined },
      { key: "size", value: "30", expected: undefined },
      { key: "from", value: "2024-13-45", expected: { kind: "day" } },
      { key: "country", value: "pt", expected: undefined },
    ]);
  });

  it("ignores nothing in a valid address, nor empty values and parameters it does not read", () => {
    expect(findIgnoredParams(parsers, { status: "failed,accepted", from: "2024-02-29", country: "prt", assigned: "", utm_source: "mail" })).toEqual([]);
  });

  it("reads the first of repeated keys and cuts long values", () => {
    const [ignored] = findIgnoredParams(parsers, { assigned: ["x".repeat(100), "mine"] });
    expect(ignored!.value).toBe(`${"x".repeat(40)}…`);
  });
});

describe("parseAsIsoDay", () => {
  it("takes days that exist only", () => {
    expect(parseAsIsoDay.parse("2024-02-29")).toBe("2024-02-29");
    expect(parseAsIsoDay.parse("2023-02-29")).toBeNull();
    expect(parseAsIsoDay.parse("01.02.2024")).toBeNull();
  });
});

describe("what an ignored parameter takes", () => {
  const cases: [Expected, string, string][] = [
    [{ kind: "statuses", choices: ["accepted", "failed"] }, "statuses are accepted, failed", "statusene er accepted, failed"],
    [{ kind: "oneOf", choices: [25, 50] }, "one of 25, 50", "én av 25, 50"],
    [{ kind: "day" }, "a date, YYYY-MM-DD", "en dato, ÅÅÅÅ-MM-DD"],
    [{ kind: "country" }, "an ISO 3166 alpha-3 code such as PRT", "en ISO 3166 alfa-3-kode, for eksempel PRT"],
    [{ kind: "boolean" }, "true or false", "true eller false"],
  ];

  it.each(cases)("%o: in English for an export's answer, and in the page's language for the note", (expected, english, bokmal) => {
    expect(expectedInEnglish(expected)).toBe(english);
    for (const [messages, words] of [[en, english], [nb, bokmal]] as const) {
      const t = createTranslator({ locale: messages === en ? "en" : "nb", messages, namespace: "Lists.expected" });
      expect("choices" in expected ? t(expected.kind, { choices: expected.choices.join(", ") }) : t(expected.kind)).toBe(words);
    }
  });
});
