import { readFile } from "node:fs/promises";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * The overview as a head of compliance uses it: the charts of the demo data draw (the fixture fails the
 * test on any console error or CSP violation), a chart's row opens the queue filtered to what it counts,
 * and a chart's table downloads as CSV. The demo's processes are recent: the last 30 days hold them.
 */

test.use({ storageState: authFile("compliance") });

test("the overview draws its charts, links to the queue and exports a table", async ({ page }) => {
  await page.goto("/overview");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const perDay = page.locator('[data-chart="status-per-day"]');
  // recharts draws SVG in the browser: bars of the stacked chart are there once hydrated.
  await expect(perDay.locator('svg.recharts-surface[role="application"]')).toBeVisible();
  await expect(perDay.locator(".recharts-bar-rectangle").first()).toBeAttached();
  for (const id of ["outcome-share", "fail-reasons", "flagged-findings", "final-turnaround", "review-backlog", "retries", "intake"]) {
    const chart = page.locator(`[data-chart="${id}"]`);
    // Each chart either draws or says its range is empty.
    await expect(chart.locator('svg.recharts-surface[role="application"]').or(chart.getByText(/^No /))).toBeVisible();
  }
  await page.screenshot({ path: "test-results/overview/overview.png", fullPage: true });

  // Linked identities are counted, and open the queue's Linked filter.
  const identities = page.getByRole("region", { name: /Linked identities/ });
  await expect(identities.getByText(/share a document or a name and\s+birth date with another dossier/)).toBeVisible();
  await expect(identities.getByRole("link", { name: "Open them in the queue" })).toHaveAttribute("href", "/processes?linked=true");

  // The failed processes' reasons: the row's link opens the queue narrowed to that reason.
  const reasons = page.locator('[data-chart="fail-reasons"]');
  await reasons.getByText("Table").click();
  const first = reasons.locator("tbody tr").first();
  const reason = (await first.locator("td").first().textContent())!.trim();
  const count = Number((await first.locator("td").nth(1).textContent())!.replace(/\D/g, ""));
  await first.getByRole("link", { name: /Open the queue/ }).click();
  await expect(page).toHaveURL(/\/processes\?status=failed/);
  expect(new URL(page.url()).searchParams.get("reason")).toBe(reason === "(none given)" ? null : reason);
  await expect(page.getByText(`failed for ${reason}`)).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(Math.min(count, 50));

  // A chart's table as CSV: the same columns, one line per row.
  await page.goto("/overview");
  const download = page.waitForEvent("download");
  await page.locator('[data-chart="fail-reasons"]').getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^overview-fail-reasons-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await file.path())!, "utf8");
  expect(text.startsWith("\uFEFFfailReason type,Processes\r\n")).toBe(true);
  expect(text).toContain(`${reason},${count}\r\n`);
});

test("the overview in Norwegian Bokmål: its words, and days typed and shown in the page's format", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: authFile("compliance"), locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await page.goto("/overview");
  await expect(page.getByRole("heading", { name: "Oversikt", level: 1 })).toBeVisible();
  await expect(page.locator('[data-chart="status-per-day"] h2')).toHaveText("Verifiseringer per dag etter status");
  await expect(page.getByRole("region", { name: /Koblede identiteter/ }).getByRole("link", { name: "Åpne dem i køen" })).toBeVisible();
  // The browser's zone reaches the server in a cookie: the page renders again in it.
  await expect(page.getByText("Dagene følger tidssonen Europe/Oslo.", { exact: false })).toBeVisible({ timeout: 15_000 });

  // The range's days as a Norwegian writes them; the URL keeps ISO days.
  const from = page.getByRole("textbox", { name: "Fra" });
  const to = page.getByRole("textbox", { name: "Til" });
  await expect(to).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  const last = await to.inputValue();
  await from.fill(last);
  await from.press("Enter");
  const [day, month, year] = last.split(".");
  await expect(page).toHaveURL(new RegExp(`from=${year}-${month}-${day}`));
  await expect(page.getByRole("textbox", { name: "Fra" })).toHaveValue(last);
  await context.close();
});

test("support staff have no overview", async ({ browser }) => {
  const support = await browser.newContext({ storageState: authFile("support") });
  const page = await support.newPage();
  await page.goto("/processes");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveCount(0);
  await support.close();
});
