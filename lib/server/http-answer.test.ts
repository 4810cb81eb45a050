import { afterEach, describe, expect, it, vi } from "vitest";
import { Forbidden, NotFound } from "../errors";
import { currentRequestId } from "../log/request-context";
import { errorResponse, routeHandler } from "./http-answer";

afterEach(() => vi.restoreAllMocks());

function quietStdout() {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe("routeHandler", () => {
  it("answers a typed error with its status and words as JSON, uncached", async () => {
    const GET = routeHandler(async (_request: Request) => {
      throw new Forbidden("Your role (support) may not do this");
    });
    const response = await GET(new Request("http://desk/api/audit/export"));
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "Your role (support) may not do this" });
  });

  it("answers an unexpected failure with a 500 and a reference, never its message (the audit export's old leak)", async () => {
    const lines = quietStdout();
    const GET = routeHandler(async (_request: Request) => {
      throw new Error('column "secret_column" does not exist');
    });
    const response = await GET(new Request("http://desk/api/audit/export", { headers: { "x-request-id": "lb-0123456789" } }));
    const body = (await response.json()) as { error: string; ref: string };
    expect(response.status).toBe(500);
    expect(body).toEqual({ error: "Something went wrong (ref lb-0123456789).", ref: "lb-0123456789" });
    expect(JSON.stringify(body)).not.toContain("secret_column");
    const logged = lines.map((line) => JSON.parse(line) as { requestId?: string; error?: { message: string } });
    expect(logged.find((line) => line.error)?.requestId).toBe("lb-0123456789");
    expect(logged.find((line) => line.error)?.error?.message).toContain("secret_column");
  });

  it("runs the handler under one request id, a fresh one when the caller's is not plain", async () => {
    const seen: (string | undefined)[] = [];
    const GET = routeHandler(async (_request: Request) => {
      seen.push(currentRequestId());
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(currentRequestId());
      return new Response("ok");
    });
    await GET(new Request("http://desk/x", { headers: { "x-request-id": "has spaces; and=more" } }));
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toBe(seen[0]);
    expect(currentRequestId()).toBeUndefined();
  });

  it("answers as plain text with the caller's headers when asked (result files)", async () => {
    const response = errorResponse(new NotFound("No full result is stored"), { format: "text", headers: { "Referrer-Policy": "no-referrer" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await response.text()).toBe("No full result is stored");
  });
});
