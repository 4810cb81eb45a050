import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * Saved views across two users: a compliance officer saves a private view and a shared one of the queue;
 * support sees only the shared one, pins it, and the side bar shows it with the queue's own count and opens
 * the queue with its filters in the URL.
 */

test.use({ storageState: authFile("compliance") });

async function saveView(page: Page, name: string, shared: boolean) {
  await page.getByText("Save view", { exact: true }).click();
  await page.getByLabel("Name of the view").fill(name);
  if (shared) await page.getByLabel("Share with the team").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Name of the view")).toBeHidden();
}

function viewsMenu(page: Page) {
  return page.locator("details").filter({ has: page.getByText(/^Views \(\d+\)$/) });
}

async function openViewsMenu(page: Page) {
  const menu = viewsMenu(page);
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await page.getByText(/^Views \(\d+\)$/).click();
  return menu;
}

test("a shared view is the team's, a private one stays its owner's, and a pinned one counts in the side bar", async ({ page, browser }) => {
  // Two users, six page loads and six saves: more than the default 30 s on a busy machine.
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const privateName = `Inconclusive passports ${run}`;
  const sharedName = `Failed checks ${run}`;

  await page.goto("/processes?status=inconclusive&doc=passport");
  await saveView(page, privateName, false);
  await page.goto("/processes?status=failed&size=25");
  await saveView(page, sharedName, true);
  const mine = (await openViewsMenu(page)).getByRole("region", { name: "My views" });
  await expect(mine.getByRole("link", { name: privateName })).toHaveAttribute("href", "/processes?status=inconclusive&doc=passport");
  // The page size is not part of a view.
  await expect(mine.getByRole("link", { name: sharedName })).toHaveAttribute("href", "/processes?status=failed");

  const support = await browser.newContext({ storageState: authFile("support") });
  const other = await support.newPage();
  try {
    await other.goto("/processes");
    const menu = await openViewsMenu(other);
    const team = menu.getByRole("region", { name: "Shared by the team" });
    await expect(team.getByRole("link", { name: sharedName })).toBeVisible();
    await expect(other.getByText(privateName)).toHaveCount(0);
    await team.getByRole("button", { name: `Pin ${sharedName}` }).click();

    const pinned = other.getByRole("navigation", { name: "Pinned views" }).getByRole("link", { name: new RegExp(sharedName) });
    // The pin, then the side bar's refresh from the server: slower than expect's 5 s on a loaded machine.
    await expect(pinned).toBeVisible({ timeout: 20_000 });
    await pinned.click();
    await expect(other).toHaveURL(/\/processes\?status=failed$/, { timeout: 30_000 });
    await expect(pinned).toHaveAttribute("aria-current", "page");
    // The side bar's count is the queue's own count of the view's rows.
    const queueCount = await other.locator('[data-status-count="failed"]').innerText();
    await expect(pinned.getByTestId("pinned-view-count")).toHaveText(queueCount);
    await other.screenshot({ path: "test-results/saved-views/pinned.png", fullPage: true });
  } finally {
    await support.close();
  }

  // Leave the demo data as it was: the owner deletes both (the shared one disappears for support too).
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/processes");
  for (const name of [privateName, sharedName]) {
    const menu = await openViewsMenu(page);
    await menu.getByRole("button", { name: `Delete ${name}` }).click();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  }
});
