import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * Compliance's own queue: "Unassigned" is open review work nobody has taken, "My queue" is what the
 * officer took. Taking a process on its page moves it from one to the other; letting go moves it back.
 */

const processIds = (page: Page) => page.locator("tbody tr td:last-child span[title]").evaluateAll((spans) => spans.map((s) => s.getAttribute("title")));

test.describe("compliance", () => {
  test.use({ storageState: authFile("compliance") });

  test("takes an unassigned process: My queue lists it, Unassigned does not", async ({ page }) => {
    // Rejected ones: the review journey in roles.spec.ts takes an inconclusive one.
    await page.goto("/processes?status=rejected");
    await page.getByRole("radio", { name: /^Unassigned/ }).check();
    await expect(page).toHaveURL(/assigned=unassigned/);
    await expect(page.getByText(/Showing processes where open for review .* assigned to nobody/)).toBeVisible();
    await expect(page.locator('[data-status-count="accepted"]')).toHaveText("0");
    const unassigned = await processIds(page);
    expect(unassigned.length).toBeGreaterThan(0);
    const processId = unassigned[0]!;

    await page.locator(`tbody tr:has(span[title="${processId}"]) td[data-primary] a`).click();
    const review = page.getByRole("region", { name: "Review" });
    await expect(review.getByText("Unassigned", { exact: true })).toBeVisible();
    await review.getByRole("button", { name: "Assign to me" }).click();
    await expect(review.getByText("Assigned to you", { exact: true })).toBeVisible();

    await page.goto("/processes");
    await page.getByRole("radio", { name: /^My queue/ }).check();
    await expect(page).toHaveURL(/assigned=mine/);
    await expect(page.getByText("Showing processes where assigned to you and not decided.")).toBeVisible();
    expect(await processIds(page)).toContain(processId);
    const row = page.locator(`tbody tr:has(span[title="${processId}"])`);
    await expect(row.getByRole("cell", { name: "Cora Compliance" })).toBeVisible();
    await page.screenshot({ path: "test-results/queue/my-queue.png", fullPage: true });

    await page.getByRole("radio", { name: /^Unassigned/ }).check();
    await expect(page).toHaveURL(/assigned=unassigned/);
    // The Unassigned view's rows, not My queue's still on screen while it loads.
    await expect(page.getByText(/Showing processes where open for review/)).toBeVisible();
    expect((await processIds(page)).length).toBeGreaterThan(0);
    expect(await processIds(page)).not.toContain(processId);

    // Let go again, so that the other journeys find the demo data as it was.
    await page.goto("/processes?assigned=mine");
    await page.locator(`tbody tr:has(span[title="${processId}"]) td[data-primary] a`).click();
    await page.getByRole("region", { name: "Review" }).getByRole("button", { name: "Unassign" }).click();
    await expect(page.getByRole("region", { name: "Review" }).getByText("Unassigned", { exact: true })).toBeVisible();
  });
});

test.describe("support", () => {
  test.use({ storageState: authFile("support") });

  test("sees no assignment filters, and the server refuses them", async ({ page }) => {
    await page.goto("/processes");
    await expect(page.getByRole("radio", { name: /^My queue/ })).toHaveCount(0);
    await page.goto("/processes?assigned=mine");
    await expect(page.getByRole("alert").filter({ hasText: "This view cannot be shown" })).toContainText("for compliance officers");
  });
});
