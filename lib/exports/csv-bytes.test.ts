import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvBytes } from "./csv-bytes";
import { csvLine, type CsvValue } from "./csv-format";

const cell: fc.Arbitrary<CsvValue> = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("=1+1", "-Ana", "@home", 'Jean, "Jo"', "a\r\nb", "Søren Ørsted", "Nguyễn Thị", "😀 emoji", ""),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);

describe("csvBytes", () => {
  it("writes exactly the UTF-8 of the rows' lines, whatever the buffer's first size", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 40 }), fc.integer({ min: 0, max: 4096 }), (rows, sizeHint) => {
        const expected = Buffer.from(rows.map((row) => csvLine(row)).join(""), "utf8");
        expect(Buffer.compare(csvBytes(rows, (row) => row, sizeHint), expected)).toBe(0);
      }),
    );
  });

  it("grows its buffer past the first size without losing or splitting a character", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`Łukasz "${i}"`, "Ø".repeat(i % 50), "😀".repeat(i % 7), i]);
    const expected = Buffer.from(rows.map((row) => csvLine(row)).join(""), "utf8");
    expect(Buffer.compare(csvBytes(rows, (row) => row, 0), expected)).toBe(0);
  });
});
