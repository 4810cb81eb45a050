import { describe, expect, it } from "vitest";
import { dayFormatOf, dayPattern, readDay, showDay } from "./local-day";

describe("days in the page's format", () => {
  const nb = dayFormatOf("nb-NO");
  const en = dayFormatOf("en-GB");

  it("shows and reads the locale's numeric format, keeping ISO days in the URL", () => {
    expect(showDay("2026-12-02", nb)).toBe("02.12.2026");
    expect(showDay("2026-12-02", en)).toBe("02/12/2026");
    expect(readDay("2.12.2026", nb)).toBe("2026-12-02");
    expect(readDay("02/12/2026", en)).toBe("2026-12-02");
    expect(readDay("2026-12-02", nb)).toBe("2026-12-02");
    expect(readDay("", nb)).toBeNull();
    expect(dayPattern(nb, { day: "DD", month: "MM", year: "ÅÅÅÅ" })).toBe("DD.MM.ÅÅÅÅ");
  });

  it("refuses what is no day", () => {
    for (const text of ["31.02.2026", "12.2026", "aa.bb.cccc", "02.12.26", "1.13.2026"]) expect(readDay(text, nb)).toBe("invalid");
  });
});
