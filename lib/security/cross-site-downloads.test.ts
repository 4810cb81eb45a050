import { describe, expect, it } from "vitest";
import { crossSiteDownloadPage, isCrossSiteDownload } from "./cross-site-downloads";

const downloads = ["/api/processes/p-1/result", "/api/processes/p-1/result/media/front", "/api/audit/export", "/api/exports/processes", "/api/exports/dossiers"];

describe("isCrossSiteDownload", () => {
  it.each(downloads)("refuses %s asked for by another site", (path) => {
    expect(isCrossSiteDownload(path, "cross-site")).toBe(true);
    expect(isCrossSiteDownload(path, "same-site")).toBe(true);
    expect(isCrossSiteDownload(path, " Cross-Site ")).toBe(true);
  });

  it.each(downloads)("lets %s through from the desk itself, a typed address, or a client without the header", (path) => {
    expect(isCrossSiteDownload(path, "same-origin")).toBe(false);
    expect(isCrossSiteDownload(path, "none")).toBe(false);
    expect(isCrossSiteDownload(path, null)).toBe(false);
  });

  it("leaves pages and other routes to the usual rules", () => {
    expect(isCrossSiteDownload("/processes", "cross-site")).toBe(false);
    expect(isCrossSiteDownload("/api/health", "cross-site")).toBe(false);
    expect(isCrossSiteDownload("/api/processes/p-1/resultx", "cross-site")).toBe(false);
  });

  it("explains the refusal on a page of its own", async () => {
    const page = crossSiteDownloadPage();
    expect(page.status).toBe(403);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("opened from another website");
  });
});
