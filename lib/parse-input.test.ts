import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInput } from "./errors";
import { parseInput } from "./parse-input";

const Schema = z.object({ processId: z.string().min(3), limit: z.coerce.number().int().max(100) });

describe("parseInput", () => {
  it("answers the parsed value, coerced", () => {
    expect(parseInput(Schema, { processId: "p-1", limit: "20" })).toEqual({ processId: "p-1", limit: 20 });
  });

  it("refuses with InvalidInput in one format: what, then each problem with its path", () => {
    const error = (() => {
      try {
        parseInput(Schema, { processId: "p", limit: 500 }, "Not a process query");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).status).toBe(400);
    expect((error as InvalidInput).issues).toEqual([expect.stringMatching(/^processId: /), expect.stringMatching(/^limit: /)]);
    expect((error as Error).message).toMatch(/^Not a process query: processId: .+; limit: .+$/);
    // Without a code, nothing for a form to translate.
    expect((error as InvalidInput).code).toBeUndefined();
  });

  it("names what was not valid by a code, with the issues as its value, when asked", () => {
    try {
      parseInput(Schema, { processId: "p", limit: 1 }, "Invalid retry", "invalidRetry");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "invalidRetry", values: { issues: expect.stringMatching(/^processId: /) } });
    }
  });

  it("keeps each problem without words, by field, kind and limit, for a form to say in its language", () => {
    const Form = z.object({ note: z.string().trim().min(1, "a note is required").max(10), reason: z.string().min(3), choice: z.enum(["a", "b"]), count: z.number().max(5), id: z.string() });
    try {
      parseInput(Form, { note: "  ", reason: "ab", choice: "c", count: 9, id: 1 }, "Invalid form", "invalidForm");
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInput).problems).toEqual([
        { field: "note", kind: "empty" },
        { field: "reason", kind: "tooShort", limit: 3 },
        { field: "choice", kind: "notOneOf" },
        { field: "count", kind: "tooBig", limit: 5 },
        { field: "id", kind: "invalid" },
      ]);
      expect((error as Error).message).toContain("note: a note is required");
    }
    expect(() => parseInput(Form, "nonsense")).toThrow(expect.objectContaining({ problems: [{ field: "", kind: "invalid" }] }));
  });

  it("names no path for a problem with the whole input, and says at most five things", () => {
    expect(() => parseInput(Schema, "nonsense")).toThrow(/^This input is not valid: Invalid input: expected object, received string$/);
    const Many = z.object(Object.fromEntries("abcdefgh".split("").map((k) => [k, z.string()])));
    const error = (() => {
      try {
        parseInput(Many, {});
      } catch (e) {
        return e as InvalidInput;
      }
    })();
    expect(error?.issues).toHaveLength(5);
  });
});
