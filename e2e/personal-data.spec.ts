import { expect, test } from "./support/fixtures";

/**
 * Erasure on request as a compliance officer does it: a dossier's page, a reason, the person's name typed
 * to confirm; the page then shows the tombstone (who, why, deleted at Assure) and no trace of the person.
 * The demo desk's simulator is the Assure that deletes the dossier.
 */
test("compliance erases a dossier and sees the tombstone", async ({ page }) => {
  await page.goto("/dossiers");
  const links = page.locator('main a[href^="/dossiers/"]');
  await expect(links.first()).toBeVisible();
  // The last dossier on the page: other journeys look at the first ones.
  const href = await links.last().getAttribute("href");
  await page.goto(href!);

  const panel = page.getByRole("region", { name: "Personal data" });
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Erase personal data…" }).click();
  const form = panel.getByRole("form", { name: "Erase personal data" });
  const label = (await form.locator("strong").textContent())!.trim();
  expect(label.length).toBeGreaterThan(0);

  await form.getByLabel(/^Reason/).fill("Ticket GDPR-2026-0042");
  // A wrong name is refused, and nothing is erased.
  await form.getByLabel(/to confirm whose data is erased/).fill("Not The Person");
  await form.getByRole("button", { name: "Erase", exact: true }).click();
  await expect(panel.getByRole("alert")).toContainText("does not match");

  // The form is reset after each submission (React's form actions): fill it again.
  await form.getByLabel(/^Reason/).fill("Ticket GDPR-2026-0042");
  await form.getByLabel(/to confirm whose data is erased/).fill(label);
  await form.getByRole("button", { name: "Erase", exact: true }).click();

  const tombstone = panel.getByRole("note", { name: "Erased" });
  await expect(tombstone).toContainText("Personal data erased on request", { timeout: 20_000 });
  await expect(tombstone).toContainText("Ticket GDPR-2026-0042");
  await expect(tombstone).toContainText("Deleted at Assure");
  await expect(page.getByRole("region", { name: /Identity/ })).toHaveCount(0);
  if (!href!.endsWith(label)) await expect(page.locator("main")).not.toContainText(label);

  // Reloaded, it is still a tombstone, with no way to erase again.
  await page.reload();
  await expect(panel.getByRole("note", { name: "Erased" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Erase personal data…" })).toHaveCount(0);
});
