import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * (Named to run after the queue journeys: the new processes it makes change the queue's counts.)
 * Bulk retry from the queue, as an admin after a provider outage: filter to failed processes, retry
 * the view's failed ones in one go, watch each result, and see the new processes arrive.
 */

const offer = (page: Page) => page.getByRole("button", { name: /^Retry \d+ failed process(es)?…$/ });

/** The view of failed processes of one process type with the fewest to retry (but some): a short run. */
async function smallFailedView(page: Page): Promise<{ url: string; count: number }> {
  let best: { url: string; count: number } | null = null;
  for (const type of ["document", "documentSelfie", "documentVideo"]) {
    const url = `/processes?status=failed&type=${type}`;
    await page.goto(url);
    const region = page.getByRole("region", { name: "Bulk retry" });
    await expect(region).not.toContainText("Counting");
    if (!(await offer(page).isVisible())) continue;
    const count = Number(/Retry (\d+)/.exec((await offer(page).textContent())!)![1]);
    if (!best || count < best.count) best = { url, count };
  }
  expect(best, "a view of failed demo processes the desk may retry").not.toBeNull();
  return best!;
}

test.describe("admin, in Norwegian Bokmål", () => {
  test("each row of a bulk retry is said in Bokmål, also a process that left the view after it was counted", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL, storageState: authFile("admin"), locale: "nb-NO" });
    const page = await context.newPage();
    const offerNb = page.getByRole("button", { name: /^Prøv \d+ mislykke(t|de) prosess(er)? på nytt …$/ });
    let offered = false;
    for (const type of ["document", "documentSelfie"]) {
      await page.goto(`/processes?status=failed&type=${type}`);
      await expect(page.getByRole("region", { name: "Samlet nytt forsøk" })).not.toContainText("Teller");
      if ((offered = await offerNb.isVisible())) break;
    }
    expect(offered, "a view of failed demo processes the desk may retry").toBe(true);
    // Between counting and retrying, the chunk's processes left the view: other ids stand in their place. So this
    // journey retries nothing, and leaves the failed demo processes to the other bulk retry journey.
    await page.route("**/processes**", async (route) => {
      const body = route.request().postData();
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"] || !body?.includes('"processIds":["')) return route.fallback();
      const replaced = body.replace(/"processIds":(\[[^\]]*\])/, (_, ids: string) =>
        `"processIds":${JSON.stringify((JSON.parse(ids) as string[]).map((_id, i) => `not-a-failed-process-${i}`))}`,
      );
      await route.continue({ postData: replaced });
    });
    await offerNb.click();
    const dialog = page.getByRole("dialog", { name: "Samlet nytt forsøk" });
    await dialog.getByRole("button", { name: /^Bekreft nytt forsøk for \d+$/ }).click();
    await expect(dialog.getByText(/^(\d+) av \1 ferdig — 0 startet, \1 mislyktes$/)).toBeVisible({ timeout: 90_000 });
    const refused = dialog.locator('tbody tr[data-result="failed"]').filter({ hasText: "not-a-fa" }).first();
    await expect(refused).toContainText("mislyktes");
    await expect(refused).toContainText("Ikke en feilet prosess i denne visningen; ingenting ble gjort.");
    await context.close();
  });
});

test.describe("admin", () => {
  test.use({ storageState: authFile("admin") });

  test("retries the failed processes of a view, with progress and a result per process", async ({ page }) => {
    test.setTimeout(120_000);
    const { url, count } = await smallFailedView(page);
    await page.goto(url);
    await expect(page.getByRole("region", { name: "Bulk retry" })).toContainText(/consent failures? \(only the end-user can give consent\)/);
    await offer(page).click();

    const dialog = page.getByRole("dialog", { name: "Bulk retry" });
    await expect(dialog).toContainText(`Retry ${count} failed`);
    await expect(dialog.getByRole("note")).toContainText("Consent failures are skipped");
    // A double click sends one bulk retry: the bulk id is made once, when the dialog opens.
    await dialog.getByRole("button", { name: `Confirm retry of ${count}` }).dblclick();
    await expect(dialog.getByLabel("Bulk retry progress")).toBeVisible();
    await expect(dialog.getByText(new RegExp(`^${count} of ${count} done — \\d+ started, \\d+ failed$`))).toBeVisible({ timeout: 60_000 });
    const rows = dialog.locator("tbody tr");
    await expect(rows).toHaveCount(count);
    await expect(dialog.locator('tbody tr[data-result="ok"]').first()).toBeVisible();
    await page.screenshot({ path: "test-results/roles/admin-bulk-retried.png", fullPage: true });

    // Each started row links the failed process and its new one, in the same dossier.
    const started = dialog.locator('tbody tr[data-result="ok"]').first();
    const [original, created] = await started.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(created!.split("/processes/")[0]).toBe(original!.split("/processes/")[0]);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();

    // Retried once: the same view counts them as retried already and does not offer them again.
    const region = page.getByRole("region", { name: "Bulk retry" });
    await expect
      .poll(async () => Number(/([\d,]+) retried already/.exec((await region.textContent()) ?? "")?.[1]?.replace(/,/g, "") ?? -1))
      .toBeGreaterThanOrEqual(count);

    // The new process finishes in the simulator, Assure notifies the desk, and it shows as a retry.
    await page.goto(created!);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/^(accepted|rejected|inconclusive|failed|canceled)$/).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await expect(page.getByText(/retry of/i).first()).toBeVisible();
  });
});

test.describe("admin, document + video", () => {
  test.use({ storageState: authFile("admin") });

  test("is never offered a retry Assure cannot start, and is told why", async ({ page }) => {
    await page.goto("/processes?status=failed&type=documentVideo");
    const region = page.getByRole("region", { name: "Bulk retry" });
    await expect(region).not.toContainText("Counting");
    await expect(region).toContainText(/[1-9][\d,]* document \+ video \(only the end-user can run them again\)/);
    await expect(offer(page)).toHaveCount(0);

    await page.locator("tbody tr td[data-primary] a").first().click();
    await expect(page.getByRole("heading", { name: "Retry" })).toBeVisible();
    await expect(page.getByRole("note").filter({ hasText: "Ask the end-user to run the check again" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Retry this process…" })).toHaveCount(0);
  });
});

for (const role of ["support", "compliance"] as const) {
  test.describe(role, () => {
    test.use({ storageState: authFile(role) });

    test(`${role} is not offered a bulk retry`, async ({ page }) => {
      await page.goto("/processes?status=failed");
      await expect(page.locator("tbody tr").first()).toBeVisible();
      await expect(page.getByRole("region", { name: "Bulk retry" })).toHaveCount(0);
      await expect(offer(page)).toHaveCount(0);
    });
  });
}
