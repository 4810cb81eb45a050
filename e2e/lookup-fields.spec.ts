import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

test.use({ storageState: authFile("support") });

test("the document filter keeps rejected passports, and their page and dossier name what was read", async ({ page }) => {
  await page.goto("/processes?status=rejected&doc=passport");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).getByRole("cell", { name: "rejected", exact: true })).toBeVisible();
    await expect(rows.nth(i).getByRole("cell", { name: "Passport", exact: true })).toBeVisible();
  }

  await rows.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Process / })).toBeVisible();
  const documentType = page.locator("dt", { hasText: "Document type" }).locator("xpath=following-sibling::dd[1]");
  await expect(documentType).toHaveText("passport");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: /Dossier/ }).click();
  await expect(page.getByRole("heading", { name: /Dossier/ }).first()).toBeVisible();
  const identity = page.getByRole("region", { name: /Identity/ });
  await expect(identity.locator("dt", { hasText: "Document type" }).locator("xpath=following-sibling::dd[1]")).not.toHaveText("not read");
});
