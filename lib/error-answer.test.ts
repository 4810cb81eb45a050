import { afterEach, describe, expect, it, vi } from "vitest";
import { answerFor } from "./error-answer";
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated, UpstreamUnavailable } from "./errors";
import { withRequestId } from "./log/request-context";

function captureStdout() {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

afterEach(() => vi.restoreAllMocks());

describe("answerFor", () => {
  it("gives each typed error its status and its own words", () => {
    const cases = [
      [new InvalidInput("Invalid note", ["body: empty"]), 400, "Invalid note: body: empty"],
      [new Unauthenticated("Sign in first"), 401, "Sign in first"],
      [new Forbidden("Your role (support) may not do this"), 403, "Your role (support) may not do this"],
      [new NotFound("No such process"), 404, "No such process"],
      [new Conflict("A full sync is already running"), 409, "A full sync is already running"],
      [new UpstreamUnavailable("Assure is unavailable"), 503, "Assure is unavailable"],
    ] as const;
    for (const [error, status, message] of cases) expect(answerFor(error, "test")).toEqual({ status, message });
  });


  it("never shows an unexpected error's message: a 500 with the request id as reference, the details in the log", () => {
    const out = captureStdout();
    const answer = withRequestId("req-12345678", () =>
      answerFor(new Error('relation "staff_users" does not exist at postgres://desk:hunter2@db/desk'), "route handler"),
    );
    out.restore();
    expect(answer).toEqual({ status: 500, message: "Something went wrong (ref req-12345678).", ref: "req-12345678" });
    const logged = out.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: "error", requestId: "req-12345678", message: "route handler failed" });
    expect(JSON.stringify(logged[0])).toContain("staff_users");
    expect(JSON.stringify(logged[0])).not.toContain("hunter2");
  });

  it("makes a reference up when there is no request around the failure, and logs it", () => {
    const out = captureStdout();
    const answer = answerFor("thrown string", "script");
    out.restore();
    expect(answer.status).toBe(500);
    expect(answer.message).toBe(`Something went wrong (ref ${answer.ref}).`);
    expect(out.lines.join("")).toContain(answer.ref!);
  });
});
