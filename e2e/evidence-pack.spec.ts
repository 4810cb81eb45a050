import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * The evidence pack as an officer gets it: the dossier page's button downloads a PDF whose text names the
 * dossier and its processes (pdftotext reads it, as a regulator's tools would). Support sees no button and
 * is refused the route.
 */

async function demoDossierWithResult(page: import("@playwright/test").Page): Promise<{ dossierId: string; processId: string }> {
  await page.goto("/processes?status=accepted");
  const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
  const match = /\/dossiers\/([^/]+)\/processes\/([^/?#]+)/.exec(href ?? "");
  expect(match, "an accepted demo process").not.toBeNull();
  return { dossierId: decodeURIComponent(match![1]!), processId: match![2]! };
}

test("compliance downloads a dossier's evidence pack from its page", async ({ page }) => {
  test.setTimeout(90_000);
  const { dossierId, processId } = await demoDossierWithResult(page);
  await page.goto(`/dossiers/${encodeURIComponent(dossierId)}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download evidence pack (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^evidence-.+\.pdf$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(text).toContain("Evidence pack");
  expect(text).toContain(dossierId);
  expect(text).toContain(processId);
  expect(text).toMatch(/Stored full-result zips \(SHA-256\)\s+Process/);
  // The zip's pictures are in it, shrunk by sharp in the built server, none named instead of shown.
  const pictures = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
  expect(pictures.length).toBeGreaterThan(0);
  expect(text).not.toContain("could not be shown in the PDF");
});

test.describe("support", () => {
  test.use({ storageState: authFile("support") });

  test("sees no evidence pack and is refused it", async ({ page }) => {
    const { dossierId } = await demoDossierWithResult(page);
    await page.goto(`/dossiers/${encodeURIComponent(dossierId)}`);
    await expect(page.getByRole("heading", { name: /^Dossier/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download evidence pack (PDF)" })).toHaveCount(0);
    const response = await page.request.get(`/api/dossiers/${encodeURIComponent(dossierId)}/evidence`);
    expect(response.status()).toBe(403);
  });
});
