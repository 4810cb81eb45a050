import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * A decided process leaves the officer's "My queue" for "Decided", the queue shows the decision, and
 * support sees the outcome on the process page (decision, reason, time, assignee) but never the note.
 */

test.use({ storageState: authFile("compliance") });

const NOTE = "Hologram missing on the data page; customer sent a photocopy.";
const processIds = (page: Page) => page.locator("tbody tr td:last-child span[title]").evaluateAll((spans) => spans.map((s) => s.getAttribute("title")));

test("a decision moves work from My queue to Decided, and support sees the outcome without the note", async ({ page, browser }) => {
  await page.goto("/processes?status=rejected&assigned=unassigned");
  await expect(page.getByText(/Showing processes where open for review/)).toBeVisible();
  const open = await processIds(page);
  // The last one: queue-assignment.spec.ts takes the first.
  const processId = open.at(-1)!;
  expect(processId).toBeTruthy();

  await page.locator(`tbody tr:has(span[title="${processId}"]) td[data-primary] a`).click();
  await page.waitForURL(new RegExp(`/processes/${processId}(\\?from=[\\w-]+)?$`));
  const processUrl = page.url();
  const review = page.getByRole("region", { name: "Review" });
  await review.getByRole("button", { name: "Assign to me" }).click();
  await expect(review.getByText("Assigned to you", { exact: true })).toBeVisible();

  await page.goto("/processes?assigned=mine");
  await expect(page.getByText("Showing processes where assigned to you and not decided.")).toBeVisible();
  expect(await processIds(page)).toContain(processId);

  await page.goto(processUrl);
  await review.getByLabel("Reject").check();
  await review.getByLabel("Reason").selectOption("document_suspicious");
  await review.getByLabel("Note").fill(NOTE);
  await review.getByRole("button", { name: "Record decision" }).click();
  await expect(review.getByText("Decision recorded.")).toBeVisible();

  await page.goto("/processes?assigned=mine");
  // It may have been the officer's only open work: then the queue says nothing matches.
  await expect(page.getByText(/^(Showing processes where|No process matches:) assigned to you and not decided\.$/)).toBeVisible();
  expect(await processIds(page)).not.toContain(processId);
  await page.getByRole("radio", { name: /^Decided/ }).check();
  await expect(page).toHaveURL(/assigned=decided/);
  await expect(page.getByText(/Showing processes where taken or decided by you/)).toBeVisible();
  const row = page.locator(`tbody tr:has(span[title="${processId}"])`);
  await expect(row.getByRole("cell", { name: "Rejected", exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Decision" })).toBeVisible();

  const support = await browser.newContext({ storageState: authFile("support") });
  try {
    const supportPage = await support.newPage();
    const response = await supportPage.goto(processUrl);
    const outcome = supportPage.getByRole("region", { name: "Review" });
    await expect(outcome.getByText("Rejected", { exact: true })).toBeVisible();
    await expect(outcome.getByText("Document suspicious or forged")).toBeVisible();
    await expect(outcome.getByText("Cora Compliance", { exact: true })).toBeVisible();
    await expect(outcome.getByText(/by Cora Compliance/)).toBeVisible();
    // Not on the screen, and not anywhere in what the server sent.
    expect(await response!.text()).not.toContain("Hologram missing");
    await expect(supportPage.getByText(NOTE)).toHaveCount(0);
    await expect(outcome.getByRole("button")).toHaveCount(0);
  } finally {
    await support.close();
  }
});
