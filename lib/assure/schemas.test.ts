import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssureResponseError } from "./errors";
import { parseAssureProcess } from "./parse";
import { DossierSchema, ImageSetSchema, ProblemSchema } from "./schemas";

const fixtures = join(__dirname, "../../tests/fixtures/assure");
const processFiles = readdirSync(fixtures).filter((name) => /^process-.*\.json$/.test(name));
const readFixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(fixtures, name), "utf8"));

describe("process schema", () => {
  it("finds the example processes", () => {
    expect(processFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(processFiles)("accepts %s as it is", (name) => {
    const raw = readFixture(name);
    expect(parseAssureProcess(raw)).toEqual(raw);
  });

  it("keeps fields it does not know, at every level", () => {
    const raw = readFixture("process-accepted.json");
    const withNews = {
      ...raw,
      riskScore: 7,
      providerSpecific: { ...(raw.providerSpecific as object), watchlist: { result: "clear" } },
      finalResult: { ...(raw.finalResult as object), placeOfBirth: "LISBOA" },
    };
    const parsed = parseAssureProcess(withNews) as Record<string, unknown>;
    expect(parsed.riskScore).toBe(7);
    expect(parsed.providerSpecific).toMatchObject({ watchlist: { result: "clear" } });
    expect(parsed.finalResult).toMatchObject({ placeOfBirth: "LISBOA" });
  });

  it("accepts missing and null optional fields", () => {
    const parsed = parseAssureProcess({ processId: "p-1", status: "failed", failReason: null, finalResult: null, provider: null });
    expect(parsed.status).toBe("failed");
  });

  it("rejects a body that is not a process, naming the fields and not their values", () => {
    const notAProcess = { dossierId: "d-1", createdAt: "2019-09-19T22:10:56Z", finalResult: { firstName: "MARIA PAULA" } };
    let error: unknown;
    try {
      parseAssureProcess(notAProcess, "getProcess");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AssureResponseError);
    const message = (error as Error).message;
    expect(message).toContain("Assure getProcess answered with a body that is not a process");
    expect(message).toContain("processId");
    expect(message).toContain("status");
    expect(message).not.toContain("MARIA");
  });

  it("rejects an unknown status by name", () => {
    expect(() => parseAssureProcess({ processId: "p-1", status: "exploded" })).toThrow(/status: unknown process status "exploded"/);
  });

  it("rejects an array as a whole", () => {
    expect(() => parseAssureProcess([readFixture("process-accepted.json")])).toThrow(/body: .*expected object/);
  });
});

describe("other schemas", () => {
  it("reads a dossier with its processes and keeps unknown fields", () => {
    const dossier = DossierSchema.parse({
      dossierId: "d-1",
      createdAt: "2024-01-02T03:04:05Z",
      externalReference: "x",
      processes: processFiles.map(readFixture),
    });
    expect(dossier.processes).toHaveLength(processFiles.length);
    expect((dossier as Record<string, unknown>).externalReference).toBe("x");
  });

  it("reads the example error body", () => {
    const problem = ProblemSchema.parse(JSON.parse(readFileSync(join(fixtures, "error-400.json"), "utf8")));
    expect(problem.traceId).toBe("034fb8bbc5da31f4dd2cf66e70ef313c");
  });

  it("takes image sets of data URLs only, at least one", () => {
    expect(ImageSetSchema.safeParse({ front: "data:image/jpeg;base64,/9j/" }).success).toBe(true);
    expect(ImageSetSchema.safeParse({}).success).toBe(false);
    expect(ImageSetSchema.safeParse({ front: "https://example.com/a.jpg" }).success).toBe(false);
    expect(ImageSetSchema.safeParse({ portrait: "data:image/jpeg;base64,/9j/" }).success).toBe(false);
  });
});
