import { describe, expect, it } from "vitest";
import { byteSize } from "./format";

describe("byteSize", () => {
  it("writes the number in the locale, the binary unit as it is", () => {
    expect(byteSize(512, "en-GB")).toBe("512 B");
    expect(byteSize(1536, "en-GB")).toBe("1.5 KiB");
    expect(byteSize(1536, "nb-NO")).toBe("1,5 KiB");
    expect(byteSize(3.25 * 1024 * 1024, "nb-NO")).toBe("3,3 MiB");
  });
});
