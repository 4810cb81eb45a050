import { describe, expect, it } from "vitest";
import { dayEndIn, dayIn, dayStartIn } from "./zoned-day";

describe("a day in the viewer's time zone", () => {
  it("starts at local midnight", () => {
    expect(dayStartIn("2026-12-02", "UTC").toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(dayStartIn("2026-12-02", "Europe/Oslo").toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(dayStartIn("2026-07-02", "Europe/Oslo").toISOString()).toBe("2026-07-01T22:00:00.000Z");
    expect(dayStartIn("2026-12-02", "Pacific/Auckland").toISOString()).toBe("2026-12-01T11:00:00.000Z");
    expect(dayStartIn("2026-12-02", "America/New_York").toISOString()).toBe("2026-12-02T05:00:00.000Z");
  });

  it("is 23 or 25 hours long across a clock change", () => {
    const hours = (day: string) => (dayEndIn(day, "Europe/Oslo").getTime() - dayStartIn(day, "Europe/Oslo").getTime()) / 3_600_000;
    expect(hours("2026-03-29")).toBe(23);
    expect(hours("2026-10-25")).toBe(25);
    expect(hours("2026-12-02")).toBe(24);
  });

  it("tells the day an instant falls on where the viewer is", () => {
    expect(dayIn(new Date("2026-12-01T23:30:00Z"), "UTC")).toBe("2026-12-01");
    expect(dayIn(new Date("2026-12-01T23:30:00Z"), "Europe/Oslo")).toBe("2026-12-02");
    expect(dayIn(new Date("2026-12-02T04:59:59Z"), "America/New_York")).toBe("2026-12-01");
    // Each day's first instant is on that day, across a clock change too.
    for (const day of ["2026-03-29", "2026-10-25", "2026-12-02"]) {
      expect(dayIn(dayStartIn(day, "Europe/Oslo"), "Europe/Oslo")).toBe(day);
      expect(dayIn(new Date(dayEndIn(day, "Europe/Oslo").getTime() - 1), "Europe/Oslo")).toBe(day);
    }
  });
});
