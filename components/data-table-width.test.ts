import { describe, expect, it } from "vitest";
import { fixedTableMinRem } from "./data-table";

describe("a fixed table's least width", () => {
  it("is the fixed columns plus 12 rem for each flexible one, so a name is never squeezed to nothing", () => {
    expect(fixedTableMinRem([7, undefined, 6.5])).toBe(25.5);
    expect(fixedTableMinRem([undefined, undefined, 4])).toBe(28);
  });

  it("is null for a table without a fixed column (it lays out automatically)", () => {
    expect(fixedTableMinRem([undefined, undefined])).toBeNull();
    expect(fixedTableMinRem([])).toBeNull();
  });
});
