import { describe, expect, it } from "vitest";
import { Forbidden, NotFound } from "../errors";
import { loadPage } from "./load-page";

describe("loadPage", () => {
  it("hands over what the loader answers", async () => {
    await expect(loadPage(Promise.resolve({ rows: 3 }))).resolves.toEqual({ rows: 3 });
  });

  it("turns NotFound into Next.js's 404 (notFound()), and nothing else", async () => {
    const missing = await loadPage(Promise.reject(new NotFound("No such dossier"))).catch((error: unknown) => error);
    expect(missing).not.toBeInstanceOf(NotFound);
    expect((missing as { digest?: string }).digest).toMatch(/404/);
    const refused = new Forbidden("no");
    await expect(loadPage(Promise.reject(refused))).rejects.toBe(refused);
  });
});
