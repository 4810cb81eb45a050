import { describe, expect, it, vi } from "vitest";
import * as errors from "./errors";

const api = { operation: "getProcess", method: "GET", path: "/dossiers/d/processes/p", status: 404, invalidParams: [] };

describe("Assure error classes", () => {
  it("are recognised across two copies of the module, as a Next.js build holds one per bundle layer", async () => {
    vi.resetModules();
    const copy = await import("./errors");
    expect(copy.AssureApiError).not.toBe(errors.AssureApiError);

    const foreign = new copy.AssureApiError(api);
    expect(foreign instanceof errors.AssureApiError).toBe(true);
    expect(foreign instanceof errors.AssureError).toBe(true);
    expect(foreign instanceof errors.AssureTimeoutError).toBe(false);
    expect(errors.isAssureNotFound(foreign)).toBe(true);

    const timeout = new copy.AssureTimeoutError("getProcess", 1000, 2);
    expect(timeout instanceof errors.AssureTimeoutError).toBe(true);
    expect(timeout instanceof errors.AssureApiError).toBe(false);
  });

  it("keep instanceof Error, a readable name and nothing else matching", () => {
    const error = new errors.AssureUnavailableError("getProcess", 503, 3, "503", { cause: new errors.AssureApiError({ ...api, status: 503 }) });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AssureUnavailableError");
    expect(error.problem?.status).toBe(503);
    expect(new Error("x") instanceof errors.AssureError).toBe(false);
    expect((null as unknown as object) instanceof errors.AssureError).toBe(false);
    expect({ operation: "getProcess", status: 404 } instanceof errors.AssureApiError).toBe(false);
  });
});
