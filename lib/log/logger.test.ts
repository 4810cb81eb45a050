import { describe, expect, it } from "vitest";
import { createLogger, redact } from "./logger";
import { newRequestId, withRequestId } from "./request-context";

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

  it("keeps a failed query's statement and drops the values it was given", () => {
    const lines: string[] = [];
    const log = createLogger("test", { write: (line) => lines.push(line) });
    log.error("look-up failed", { error: new Error('Failed query: select * from processes where name_search like $1 and date_of_birth = $2\nparams: %ingrid%,1961-04-09') });
    const line = lines.join("\n");
    expect(line).toContain("select * from processes where name_search like $1");
    expect(line).not.toContain("ingrid");
    expect(line).not.toContain("1961-04-09");
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

describe("the logger's pino lines", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger("test", { level: "debug", write: (line) => lines.push(JSON.parse(line)) });
    return { log, lines };
  }

  it("censors sensitive keys by redact path at the top and two levels down, keeping their neighbours", () => {
    const { log, lines } = capture();
    log.info("staff user created", {
      email: "ann@example.com",
      user: { name: "Ann Example", role: "admin", address: { street: "Main 1" } },
      call: { headers: { cookie: "next-auth.session-token=abc" }, status: 201 },
    });
    expect(lines[0]).toMatchObject({
      level: "info",
      scope: "test",
      message: "staff user created",
      email: "[redacted]",
      user: { name: "[redacted]", role: "admin", address: "[redacted]" },
      call: { headers: { cookie: "[redacted]" }, status: 201 },
    });
    expect(typeof lines[0]!.at).toBe("string");
  });

  it("writes an error as its type and scrubbed message, without a stack", () => {
    const { log, lines } = capture();
    log.error("failed", { error: new TypeError("fetch https://u:pw@host/x failed") });
    expect(lines[0]!.error).toEqual({ type: "TypeError", message: "fetch https://u:[redacted]@host/x failed" });
  });

  it("puts the request id on each line written while that request is served, and on no other", async () => {
    const { log, lines } = capture();
    log.info("before");
    await Promise.all(
      ["req-aaaaaaaa", "req-bbbbbbbb"].map((id) =>
        withRequestId(id, async () => {
          log.info("start", { id });
          await new Promise((resolve) => setTimeout(resolve, 5));
          log.warn("end", { id });
        }),
      ),
    );
    log.info("after");
    expect(lines.map((line) => [line.message, line.requestId])).toEqual([
      ["before", undefined],
      ["start", "req-aaaaaaaa"],
      ["start", "req-bbbbbbbb"],
      ["end", "req-aaaaaaaa"],
      ["end", "req-bbbbbbbb"],
      ["after", undefined],
    ]);
    expect(lines.filter((line) => line.message === "end").every((line) => line.id === line.requestId)).toBe(true);
  });

  it("accepts a caller's request id only when it is short and plain", () => {
    expect(newRequestId("abcd1234-xyz")).toBe("abcd1234-xyz");
    expect(newRequestId("bad id with spaces")).toMatch(/^[0-9a-f-]{36}$/);
    expect(newRequestId(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
