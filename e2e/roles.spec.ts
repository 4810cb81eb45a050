import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/** One journey per role, on the demo data the simulator made. */

test.describe("support", () => {
  test.use({ storageState: authFile("support") });

  test("looks up an end-user by part of the name and sees the verdicts but no images", async ({ page }) => {
    await page.goto("/processes?status=accepted");
    const name = (await page.locator("tbody tr").first().locator("td").nth(1).innerText()).trim();
    const fragment = name.split(/\s+/).pop()!.slice(0, 5);
    const lookUp = page.getByLabel("Look up", { exact: true });
    await lookUp.fill(fragment);
    await lookUp.press("Enter");
    await expect(page.getByText(/Showing processes where name contains/)).toBeVisible();
    await page.locator("tbody a[href*='/processes/']").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Verdicts: document next to face")).toBeVisible();
    await expect(page.getByText(/full result .* is for compliance and admin roles/)).toBeVisible();
    await expect(page.locator("img[src*='/result/media/']")).toHaveCount(0);

    const processId = /processes\/([^/?#]+)(?:[?#]|$)/.exec(page.url())![1];
    expect((await page.request.get(`/api/processes/${processId}/result/media/front`)).status()).toBe(403);
    expect((await page.request.get(`/api/processes/${processId}/result`)).status()).toBe(403);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: /Your role does not give access/ })).toBeVisible();
    await page.screenshot({ path: "test-results/roles/support-forbidden.png" });
  });
});

test.describe("compliance", () => {
  test.use({ storageState: authFile("compliance") });

  test("reviews an inconclusive process: takes it, decides with a reason, and the audit log shows it", async ({ page }) => {
    await page.goto("/processes?status=inconclusive");
    const links = await page.locator("tbody a[href*='/processes/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const review = page.getByRole("region", { name: "Review" });
    // The first inconclusive process nobody has decided on yet.
    for (const href of links) {
      await page.goto(href);
      if (await review.getByRole("button", { name: "Record decision" }).isVisible()) break;
    }
    await expect(review.getByRole("button", { name: "Record decision" })).toBeVisible();
    await review.getByRole("button", { name: "Assign to me" }).click();
    await expect(review.getByText("Assigned to you", { exact: true })).toBeVisible();
    await review.getByLabel("Approve").check();
    await review.getByLabel("Reason").selectOption("face_confirmed");
    await review.getByLabel("Note").fill("Compared the selfie with the document by eye: same person.");
    await review.getByRole("button", { name: "Record decision" }).click();
    await expect(review.getByText("Decision recorded.")).toBeVisible();
    await expect(review.getByText(/Approved .* final/)).toBeVisible();
    // Assure's status is untouched.
    await expect(page.getByText("inconclusive").first()).toBeVisible();
    await page.screenshot({ path: "test-results/roles/compliance-decided.png", fullPage: true });

    await page.goto("/audit?what=review");
    await expect(page.getByRole("cell", { name: "review.decide" }).first()).toBeVisible();
    // Read as a sentence, with the officer's name and role; the raw details behind a toggle.
    await expect(page.getByRole("cell", { name: /^Approved with reason Face match confirmed by eye/ }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: /\(compliance\)/ }).first()).toBeVisible();
    await expect(page.getByText("Raw details").first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "review.assign" }).first()).toBeVisible();
  });
});

test.describe("admin", () => {
  test.use({ storageState: authFile("admin") });

  test("retries a failed process and sees the new process arrive", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/processes?status=failed");
    const links = await page.locator("tbody a[href*='/processes/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    let opened = false;
    for (const href of links) {
      await page.goto(href);
      if (await page.getByRole("button", { name: "Retry this process…" }).isVisible()) {
        opened = true;
        break;
      }
    }
    expect(opened, "a failed demo process the desk may retry").toBe(true);
    await page.getByRole("button", { name: "Retry this process…" }).click();
    const dialog = page.getByRole("form", { name: "Retry dialog" });
    await expect(dialog.getByText("Why it failed:")).toBeVisible();
    await dialog.getByRole("button", { name: "Confirm retry" }).dblclick();
    await expect(page.getByText(/Retry started: process/)).toBeVisible();
    // Done: the dialog is gone, no "Confirm retry" left to press.
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Confirm retry" })).toHaveCount(0);
    await expect(page.getByText(/Attempt 1 by/)).toHaveCount(1);
    await page.screenshot({ path: "test-results/roles/admin-retried.png", fullPage: true });

    // The new process finishes in the simulator, Assure notifies the desk, the worker stores it.
    const newHref = await page.getByRole("link", { name: /^process [0-9a-f]{8}$/ }).first().getAttribute("href");
    await page.goto(newHref!);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(newHref!.split("/").pop()!);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/^(accepted|rejected|inconclusive|failed|canceled)$/).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await expect(page.getByText(/retry of/i).first()).toBeVisible();
  });
});
