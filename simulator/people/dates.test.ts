import { describe, expect, it } from "vitest";
import { addDays, addYears, ageOn, isoDate, isoTimestamp } from "./dates";

describe("calendar arithmetic", () => {
  it("agrees with Date over many days, leap years included", () => {
    for (let day = -30_000; day < 30_000; day += 37) {
      const ms = day * 86_400_000 + 5_000;
      expect(isoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      expect(addDays("2000-02-28", day)).toBe(new Date(Date.UTC(2000, 1, 28 + day)).toISOString().slice(0, 10));
    }
  });

  it("adds years and counts ages", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-03-01");
    expect(addYears("2015-06-30", -10)).toBe("2005-06-30");
    expect(ageOn("2008-06-25", "2026-06-24")).toBe(17);
    expect(ageOn("2008-06-25", "2026-06-25")).toBe(18);
    expect(isoTimestamp(Date.UTC(2019, 8, 19, 22, 10, 56, 789))).toBe("2019-09-19T22:10:56Z");
  });
});
