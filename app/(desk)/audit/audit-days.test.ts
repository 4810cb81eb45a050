import { describe, expect, it } from "vitest";
import { dayFormatOf } from "@/components/list-kit/local-day";
import { readAuditDays } from "./audit-days";

const nb = dayFormatOf("nb-NO");
const en = dayFormatOf("en-GB");

describe("the audit log's day filters", () => {
  it("take ISO days from links as they are and show them in the page's format", () => {
    expect(readAuditDays({ from: "2026-12-02", to: "2026-12-03", what: "review" }, nb)).toEqual({
      from: "2026-12-02",
      to: "2026-12-03",
      shown: { from: "02.12.2026", to: "03.12.2026" },
      problem: null,
      canonical: null,
    });
    expect(readAuditDays({ from: "2026-12-02" }, en).shown.from).toBe("02/12/2026");
    expect(readAuditDays({}, nb)).toEqual({ shown: { from: "", to: "" }, problem: null, canonical: null });
  });

  it("send a day typed in the page's format to the same address with ISO days, keeping the other filters", () => {
    const days = readAuditDays({ who: "ana@", what: "", from: "2.12.2026", to: "", dossierId: "" }, nb);
    expect(days.from).toBe("2026-12-02");
    expect(days.canonical).toBe("/audit?who=ana%40&from=2026-12-02");
    expect(readAuditDays({ from: "02/12/2026", to: "03/12/2026" }, en).canonical).toBe("/audit?from=2026-12-02&to=2026-12-03");
    // An empty form is no change of address.
    expect(readAuditDays({ who: "", from: "", to: "" }, nb).canonical).toBeNull();
  });

  it("say which day does not read, and keep it as typed, without listing", () => {
    const days = readAuditDays({ from: "31.02.2026", to: "2026-12-03" }, nb);
    expect(days.problem).toEqual({ field: "from", kind: "invalid" });
    expect(days.shown).toEqual({ from: "31.02.2026", to: "03.12.2026" });
    expect(days.canonical).toBeNull();
    // In British order 12/31/2026 is the 12th day of a 31st month: no day.
    expect(readAuditDays({ to: "12/31/2026" }, en).problem).toEqual({ field: "to", kind: "invalid" });
  });

  it("refuse a range that ends before it starts", () => {
    expect(readAuditDays({ from: "2026-12-03", to: "2026-12-02" }, nb).problem).toEqual({ field: "to", kind: "backwards" });
    expect(readAuditDays({ from: "2026-12-02", to: "2026-12-02" }, nb).problem).toBeNull();
  });
});
