import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

const DESK = "http://desk.test:3000";

describe("safeCallback", () => {
  it("keeps paths, queries and fragments on the desk, and absolute URLs of the desk itself", () => {
    expect(safeCallback("/dossiers/d-1?tab=notes#top", DESK)).toBe("/dossiers/d-1?tab=notes#top");
    expect(safeCallback("http://desk.test:3000/processes?status=failed", DESK)).toBe("/processes?status=failed");
    expect(safeCallback("/%5Cevil.com", DESK)).toBe("/%5Cevil.com");
  });

  it.each([
    "/\\evil.com",
    "/\t/evil.com",
    "\\/\\/evil.com",
    "\\\\evil.com",
    "//evil.com",
    " //evil.com",
    "/\n/evil.com",
    "https://evil.com",
    "https:evil.com",
    "http://desk.test:3000@evil.com/",
    "http://desk.test:3001/processes",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
  ])("sends %j to the queue instead of another site", (hostile) => {
    expect(safeCallback(hostile, DESK)).toBe("/processes");
  });

  it("never answers a path a browser would read as another host", () => {
    expect(safeCallback("/.//evil.com", DESK)).toBe("/evil.com");
    expect(safeCallback("/%2F%2Fevil.com", DESK)).toBe("/%2F%2Fevil.com");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom("/", "\\", "\t", "\n", " ", ".", ":", "@", "%2F", "%5C", "https:", "evil.com"), { maxLength: 8 }).map((parts) => parts.join(""))), (value) => {
        const answer = safeCallback(value, DESK);
        expect(answer).toMatch(/^\/(?![/\\])/);
        expect(new URL(answer, DESK).origin).toBe(DESK);
        expect(new URL(answer, "https://another.example").origin).toBe("https://another.example");
      }),
      { numRuns: 500 },
    );
  });

  it("falls back for missing and repeated values", () => {
    expect(safeCallback(undefined, DESK)).toBe("/processes");
    expect(safeCallback(["/a", "/b"], DESK)).toBe("/processes");
    expect(safeCallback("", DESK)).toBe("/processes");
  });
});
