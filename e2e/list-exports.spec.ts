import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/** "Export CSV" on the queue and the dossier list: every row of the view, as the page counts them. */

/** The page's own count of its view ("· 1,234 in this view"). */
async function countInView(page: Page): Promise<number> {
  const summary = page.getByText(/ in this view$/);
  await expect(summary).toBeVisible();
  const match = /([\d,]+) in this view$/.exec((await summary.textContent()) ?? "");
  expect(match, "the view's count").not.toBeNull();
  return Number(match![1]!.replace(/,/g, ""));
}

/** Clicks "Export CSV" and reads the file the browser saved: its raw text (BOM kept) and its data lines. */
async function exportFile(page: Page): Promise<{ name: string; text: string; lines: string[] }> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await readFile((await file.path())!));
  // Quoted cells may hold line breaks; the demo's do not, and every line ends with CRLF.
  const lines = text.split("\r\n").slice(1, -1);
  return { name: file.suggestedFilename(), text, lines };
}

test("the queue's export downloads every row of the view, as many as the page counts", async ({ page }) => {
  await page.goto("/processes?status=accepted,rejected,inconclusive");
  const count = await countInView(page);
  expect(count, "more than one page, so the file is more than the page").toBeGreaterThan(50);
  const file = await exportFile(page);
  expect(file.name).toMatch(/^processes-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.text.startsWith("\uFEFFprocess_id,dossier_id,status,")).toBe(true);
  expect(file.lines).toHaveLength(count);
  expect(new Set(file.lines.map((line) => line.split(",")[2]))).toEqual(new Set(["accepted", "rejected", "inconclusive"]));
  // The simulator's people carry accents: they arrive as UTF-8, intact.
  expect(file.text).toMatch(/[À-ž]/);
});

test("the dossier list's export downloads every dossier of the view", async ({ page }) => {
  await page.goto("/dossiers");
  const count = await countInView(page);
  const file = await exportFile(page);
  expect(file.name).toMatch(/^dossiers-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.text.startsWith("\uFEFFdossier_id,first_name,last_name,")).toBe(true);
  expect(file.lines).toHaveLength(count);
});

test("a view the page refuses is refused with the parameter named; another site's link is refused", async ({ page }) => {
  const bad = await page.request.get("/api/exports/processes?status=bogus");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("status");
  const backwards = await page.request.get("/api/exports/dossiers?from=2026-02-01&to=2026-01-01");
  expect(backwards.status()).toBe(400);
  expect((await backwards.json()).error).toContain("to:");
  const crossSite = await page.request.get("/api/exports/processes", { headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
});

test.describe("support", () => {
  test.use({ storageState: authFile("support") });

  test("has no export button and the route refuses them; without a session it asks to sign in", async ({ page, playwright, baseURL }) => {
    for (const list of ["/processes", "/dossiers"]) {
      await page.goto(list);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    }
    expect((await page.request.get("/api/exports/processes")).status()).toBe(403);
    expect((await page.request.get("/api/exports/dossiers")).status()).toBe(403);
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get("/api/exports/processes")).status()).toBe(401);
    await anonymous.dispose();
  });
});
