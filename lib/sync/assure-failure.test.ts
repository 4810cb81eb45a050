import { describe, expect, it, vi } from "vitest";
import { AssureApiError, AssureResponseError, AssureTimeoutError, AssureUnavailableError } from "../assure/errors";
import { classifyAssureFailure } from "./assure-failure";

const api = (status: number) => ({ operation: "getDossier", method: "GET", path: "/dossiers/d", status, invalidParams: [] });

describe("classifyAssureFailure", () => {
  it("reads 404 as gone, 5xx, 429 and no answer as an outage, the rest as the item's own failure", () => {
    expect(classifyAssureFailure(new AssureApiError(api(404)))).toBe("not-found");
    expect(classifyAssureFailure(new AssureApiError(api(503)))).toBe("outage");
    expect(classifyAssureFailure(new AssureApiError(api(429)))).toBe("outage");
    expect(classifyAssureFailure(new AssureApiError(api(400)))).toBe("other");
    expect(classifyAssureFailure(new AssureUnavailableError("getDossier", undefined, 3, "connection refused"))).toBe("outage");
    expect(classifyAssureFailure(new AssureTimeoutError("getDossier", 1000, 3))).toBe("outage");
    expect(classifyAssureFailure(new AssureResponseError("getDossier", "a dossier", ["not JSON"]))).toBe("other");
    expect(classifyAssureFailure(new Error("socket hang up"))).toBe("other");
    expect(classifyAssureFailure("nope")).toBe("other");
  });

  it("recognises an error from another copy of the error classes, as a Next.js build has", async () => {
    vi.resetModules();
    const copy = await import("../assure/errors");
    expect(copy.AssureApiError).not.toBe(AssureApiError);
    const foreign = new copy.AssureApiError(api(404));
    expect(classifyAssureFailure(foreign)).toBe("not-found");
    expect(classifyAssureFailure(new copy.AssureTimeoutError("getDossier", 1000, 3))).toBe("outage");
  });
});
