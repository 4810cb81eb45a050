import { describe, expect, it } from "vitest";
import { createLogger, redact } from "./logger";

describe("the logger", () => {
  it("never writes credentials or personal data", () => {
    const lines: string[] = [];
    const log = createLogger("test", { write: (line) => lines.push(line) });
    log.error("call failed with Authorization: Bearer abc.def.ghi to postgres://desk:hunter2@db/desk", {
      password: "hunter2",
      clientSecret: "s3cr3t",
      firstName: "JOÃO",
      dateOfBirth: "1990-01-01",
      documentNumber: "X123",
      nested: { authorization: "Basic dXNlcjpwYXNz", selfie: "data:image/jpeg;base64,/9j/4AAQ" },
      error: new Error("token eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl expired"),
      processId: "p-1",
      status: 503,
    });
    const line = lines.join("\n");
    for (const secret of ["hunter2", "s3cr3t", "JOÃO", "1990-01-01", "X123", "dXNlcjpwYXNz", "/9j/4AAQ", "abc.def.ghi", "eyJhbGciOi"]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", scope: "test", processId: "p-1", status: 503 });
  });

  it("keeps what diagnosis needs and honours the level", () => {
    const lines: string[] = [];
    const log = createLogger("test", { level: "warn", write: (line) => lines.push(line) });
    log.info("quiet");
    log.warn("inbox row dead", { inboxId: 7, attempts: 10 });
    expect(lines).toHaveLength(1);
    expect(redact({ attempts: 10, state: "dead" })).toEqual({ attempts: 10, state: "dead" });
  });
});
