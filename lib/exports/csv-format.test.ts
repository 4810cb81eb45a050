import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvFileName, csvLine } from "./csv-format";

describe("csvCell", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+47 22 00 00 00")).toBe("'+47 22 00 00 00");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });

  it("keeps numbers, including negative ones, as numbers", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0.25)).toBe("0.25");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("keeps accents intact and writes empty cells for missing values", () => {
    expect(csvCell("Åse Ødegård")).toBe("Åse Ødegård");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(new Date("2026-12-01T10:00:00Z"))).toBe("2026-12-01T10:00:00.000Z");
  });
});

describe("csvLine", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvLine(["a", 1, null, true])).toBe("a,1,,true\r\n");
  });
});

it("starts files with the UTF-8 byte order mark and names them without filter values", () => {
  expect(CSV_BOM).toBe("\uFEFF");
  expect(csvFileName("processes", new Date("2026-12-01T23:59:00Z"))).toBe("processes-2026-12-01.csv");
});
