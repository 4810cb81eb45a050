import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

// The admin sees every area of the desk.
test.use({ storageState: authFile("admin") });

test("the processes list shows the seeded demo processes, newest first, and pages on", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/processes$/);
  await expect(page.getByRole("heading", { name: "Processes" })).toBeVisible();

  const rows = page.getByRole("row");
  // 50 a page plus the header row.
  await expect(rows).toHaveCount(51);
  for (const status of ["accepted", "rejected", "inconclusive", "canceled", "failed", "pending"]) {
    await expect(page.getByRole("cell", { name: status, exact: true }).first()).toBeVisible();
  }
  // Names come from the simulator's seeded people: some carry diacritics.
  await expect(page.locator("tbody tr td:nth-child(2)").filter({ hasText: /[À-ž]/ }).first()).toBeVisible();

  const firstPageIds = await page.locator("tbody tr td:last-child").allTextContents();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(51);
  const secondPageIds = await page.locator("tbody tr td:last-child").allTextContents();
  expect(secondPageIds.some((id) => firstPageIds.includes(id))).toBe(false);

  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: "test-results/processes-list.png", fullPage: true });
});

test("the health check answers with the database state", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: { ok: true } });
});

test("every area of the desk is reachable from the navigation", async ({ page }) => {
  await page.goto("/processes");
  await page.getByRole("link", { name: "Dossiers" }).click();
  await expect(page.getByRole("heading", { name: "Dossiers" })).toBeVisible();
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
  await expect(page.getByText("Migrations applied")).toBeVisible();
});
