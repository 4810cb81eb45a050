import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

const FINAL = /^(accepted|rejected|inconclusive|failed|canceled)$/;

test.describe("a live desk", () => {
  test.use({ storageState: authFile("admin") });

  test("the queue shows the new bar when a retry's process arrives, and its page turns final without a reload", async ({ page, context }) => {
    test.setTimeout(120_000);
    // The queue, open in one tab, is left alone from here on.
    const queue = page;
    await queue.goto("/processes");
    const rowsBefore = await queue.locator("tbody tr td:last-child").allTextContents();
    await expect(queue.locator("[data-live-bar]")).toHaveCount(0);

    // A second tab retries a failed process: the simulator creates a new one, which the desk stores.
    const work = await context.newPage();
    await work.goto("/processes?status=failed");
    const links = await work.locator("tbody a[href*='/processes/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    let opened = false;
    for (const href of links) {
      await work.goto(href);
      if (await work.getByRole("button", { name: "Retry this process…" }).isVisible()) {
        opened = true;
        break;
      }
    }
    expect(opened, "a failed demo process the desk may retry").toBe(true);
    await work.getByRole("button", { name: "Retry this process…" }).click();
    await work.getByRole("form", { name: "Retry dialog" }).getByRole("button", { name: "Confirm retry" }).click();
    await expect(work.getByText(/Retry started: process/)).toBeVisible();

    const newHref = await work.getByRole("link", { name: /^process [0-9a-f]{8}$/ }).first().getAttribute("href");
    await work.goto(newHref!);
    // A reload would drop this mark: the status must change in place.
    await work.evaluate(() => Object.assign(window, { deskNotReloaded: true }));
    const header = work.getByRole("article").locator("header").first();
    await expect(header.getByText(FINAL)).toBeVisible({ timeout: 60_000 });
    expect(await work.evaluate(() => (window as unknown as { deskNotReloaded?: boolean }).deskNotReloaded)).toBe(true);

    // Meanwhile the queue said so, without moving its rows.
    await expect(queue.locator("[data-live-bar]")).toContainText(/1 new/);
    expect(await queue.locator("tbody tr td:last-child").allTextContents()).toEqual(rowsBefore);
    await queue.locator("[data-live-bar]").getByRole("button", { name: "show" }).click();
    await expect(queue.locator("[data-live-bar]")).toHaveCount(0);
    await expect(queue.locator("tbody tr td:last-child").first()).toHaveText(newHref!.split("/").pop()!.slice(0, 8));
  });

  test("presence: a second officer's tab shows on the process page and in the queue, and goes when it closes", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await page.goto("/processes?status=inconclusive");
    const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
    const processId = href!.split("/").pop()!;

    const officer = await browser.newContext({ storageState: authFile("compliance") });
    const officerPage = await officer.newPage();
    await officerPage.goto(href!);
    await expect(officerPage.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto(href!);
    const presence = page.getByRole("list", { name: "Also on this process" });
    await expect(presence).toContainText(/Cora Compliance \(compliance\) is (viewing|reviewing)/);

    await page.goto("/processes?status=inconclusive");
    const row = page.locator("tbody tr").filter({ hasText: processId.slice(0, 8) });
    await expect(row.locator("[data-presence-avatar]")).toHaveAttribute("title", /Cora Compliance \(compliance\)/);

    await page.goto(href!);
    await expect(presence).toBeVisible();
    // The officer closes the tab (the page, not the whole browser profile: closing a context also tears down
    // its network, which may cut the tab's goodbye beacon mid-request, which no real tab close does).
    await officerPage.close();
    await expect(page.getByRole("list", { name: "Also on this process" })).toHaveCount(0, { timeout: 15_000 });
    await officer.close();
  });
});
