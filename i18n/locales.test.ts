import { describe, expect, it } from "vitest";
import { matchAcceptLanguage, parseAcceptLanguage, resolveLocale } from "./locales";

const DESK = ["en", "nb"];

describe("the viewer's language", () => {
  it("takes the browser's best match by weight, then by order", () => {
    expect(matchAcceptLanguage("nb-NO,nb;q=0.9,en-US;q=0.8,en;q=0.7", DESK)).toBe("nb");
    expect(matchAcceptLanguage("de-DE,en;q=0.5,nb;q=0.8", DESK)).toBe("nb");
    expect(matchAcceptLanguage("en-GB", DESK)).toBe("en");
    expect(matchAcceptLanguage("no", DESK)).toBe("nb");
  });

  it("answers an unknown or malformed header with English, never an error", () => {
    for (const header of ["xx-YY", "", ";;;,,", "*", "nb;q=abc", "nb;q=0", "é€", "a".repeat(5000), undefined, null]) {
      expect(resolveLocale(null, header, DESK)).toBe("en");
    }
    expect(parseAcceptLanguage("nb;q=2,en;q=0.1")).toEqual(["en"]);
  });

  it("prefers the stored choice when the desk has that language", () => {
    expect(resolveLocale("nb", "en", DESK)).toBe("nb");
    expect(resolveLocale("fr", "nb", DESK)).toBe("nb");
    expect(resolveLocale("fr", null, DESK)).toBe("en");
  });
});
