import type { Page } from "@playwright/test";
import { authFile } from "./support/auth";
import { expect, test } from "./support/fixtures";

/** The screen defects of issue 10, as a person at 1440 × 900 would meet them. Every test also fails on a CSP violation. */

const SHOTS = "test-results/screens";

async function firstProcessHref(page: Page, query: string): Promise<string> {
  await page.goto(`/processes?${query}`);
  const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
  expect(href, `a demo process for ?${query}`).toBeTruthy();
  return href!;
}

test.describe("pages outside the desk's routes run their scripts under the policy", () => {
  test("the unknown-URL page is the desk's own, with a way back to the processes", async ({ page }) => {
    const response = await page.goto("/nope");
    expect(response!.status()).toBe(404);
    expect(response!.headers()["content-security-policy"]).toMatch(/'nonce-/);
    await expect(page.getByRole("heading", { name: "There is no page at this address" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/not-found.png` });
    // The link is a client-side navigation: it works only if the page's scripts ran.
    await page.getByRole("link", { name: "Back to the processes" }).click();
    await expect(page.getByRole("heading", { name: "Processes", level: 1 })).toBeVisible();
  });

  test("signed out, the unknown-URL page offers to sign in", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const response = await page.goto("/sign-in/nope");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "There is no page at this address" })).toBeVisible();
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Assure Review Desk" })).toBeVisible();
    await context.close();
  });

  test.describe("as support", () => {
    test.use({ storageState: authFile("support") });

    for (const path of ["/audit", "/admin"]) {
      test(`the forbidden page at ${path} runs its scripts`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response!.status()).toBe(403);
        await expect(page.getByRole("heading", { name: /Your role does not give access/ })).toBeVisible();
        await page.getByRole("link", { name: "Back to the processes" }).click();
        await expect(page.getByRole("heading", { name: "Processes", level: 1 })).toBeVisible();
      });
    }
  });
});

test("the first load asks for nothing that is not there: the desk has an icon", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  const icon = await page.locator("link[rel='icon']").first().getAttribute("href");
  expect(icon).toBeTruthy();
  const answer = await page.request.get(icon!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("image/");
  // Chromium fetches the icon after load; give it the moment it takes.
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
  await context.close();
});

test("the queue fits 1440 px: no sideways scrolling, the last column in view, one line per row", async ({ page }) => {
  await page.goto("/processes?size=100");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const layout = await page.evaluate(() => {
    const table = document.querySelector("table")!;
    const card = table.parentElement!;
    const lastHeader = table.querySelector("thead th:last-child")!.getBoundingClientRect();
    const heights = [...table.querySelectorAll("tbody tr")].map((tr) => tr.getBoundingClientRect().height);
    const line = Number.parseFloat(getComputedStyle(table.querySelector("tbody td")!).lineHeight);
    // Columns whose content is known (all but Name and Assignee) are wide enough for it; headers too.
    const free = new Set(["Name", "Assignee"]);
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent!.replace(/[↕↑↓]/g, "").trim());
    const cut = [...table.querySelectorAll("tr")].flatMap((tr) =>
      [...tr.children]
        .filter((cell, i) => !free.has(headers[i]!) && cell.scrollWidth > cell.clientWidth)
        .map((cell) => `${headers[[...tr.children].indexOf(cell)]}: ${cell.textContent}`),
    );
    return {
      cut,
      page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
      card: { scroll: card.scrollWidth, client: card.clientWidth, right: card.getBoundingClientRect().right },
      lastHeaderRight: lastHeader.right,
      tallest: Math.max(...heights),
      line,
    };
  });
  await page.screenshot({ path: `${SHOTS}/queue-1440.png` });
  expect(layout.page.scroll).toBeLessThanOrEqual(layout.page.client);
  expect(layout.card.scroll).toBeLessThanOrEqual(layout.card.client);
  expect(layout.lastHeaderRight).toBeLessThanOrEqual(layout.card.right);
  expect(layout.cut).toEqual([]);
  // One line of text plus the cell's padding; a wrapped row is at least one line taller.
  expect(layout.tallest).toBeLessThan(2 * layout.line + 8);
});

test.describe("values the desk does not know in the address", () => {
  test("the queue says which it ignored, for unknown choices and bad dates alike", async ({ page }) => {
    await page.goto("/processes?assigned=me&status=bogus,failed&from=2024-13-45");
    const note = page.getByRole("note").filter({ hasText: "Ignored in the address" });
    await expect(note).toContainText("assigned=me");
    await expect(note).toContainText("status=bogus");
    await expect(note).toContainText("from=2024-13-45 (a date, YYYY-MM-DD)");
    await expect(note).not.toContainText("status=failed");
    // The rest of the view still applies.
    await expect(page.getByText("Showing processes where status is failed")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/ignored-values.png` });
    await note.getByRole("link", { name: "Remove them from the address" }).click();
    await expect(page).toHaveURL(/\/processes\?status=failed$/);
    await expect(note).toHaveCount(0);
  });

  test("the dossier list says so too", async ({ page }) => {
    await page.goto("/dossiers?sort=sideways&to=yesterday");
    const note = page.getByRole("note").filter({ hasText: "Ignored in the address" });
    await expect(note).toContainText("sort=sideways");
    await expect(note).toContainText("to=yesterday");
    await expect(page.locator("tbody tr").first()).toBeVisible();
  });
});

test.describe("process pages", () => {
  test("the side bar marks Processes, and Assign to me is offered only where a decision can be made", async ({ page }) => {
    await page.goto(await firstProcessHref(page, "status=accepted"));
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Processes" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Dossiers" })).not.toHaveAttribute("aria-current", "page");
    const review = page.getByRole("region", { name: "Review" });
    await expect(review).toBeVisible();
    await expect(review.getByRole("button", { name: "Assign to me" })).toHaveCount(0);

    await page.goto(await firstProcessHref(page, "status=inconclusive&assigned=unassigned"));
    await expect(review.getByRole("button", { name: "Assign to me" })).toBeVisible();
    // The dossier page itself is still "Dossiers".
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: /Dossier/ }).click();
    await expect(nav.getByRole("link", { name: "Dossiers" })).toHaveAttribute("aria-current", "page");
  });

  test("a decision shows when it was made", async ({ page }) => {
    await page.goto(await firstProcessHref(page, "status=rejected&assigned=unassigned"));
    const review = page.getByRole("region", { name: "Review" });
    await review.getByLabel("Reject").check();
    await review.getByLabel("Reason").selectOption("document_suspicious");
    await review.getByLabel("Note").fill("The photo looks pasted on.");
    await review.getByRole("button", { name: "Record decision" }).click();
    const decision = review.getByRole("listitem").filter({ hasText: "Rejected" });
    // In the viewer's zone and language (here the browser's: English, UTC), the exact UTC instant on hover.
    await expect(decision.locator("time")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    await expect(decision.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(decision.locator("time")).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  });

  for (const status of ["failed", "canceled"]) {
    test(`a ${status} process without results says so once, with no empty tables`, async ({ page }) => {
      await page.goto(await firstProcessHref(page, `status=${status}`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("Assure sent no results for this process")).toHaveCount(1);
      await expect(page.getByRole("table", { name: /Verdicts/ })).toHaveCount(0);
      await expect(page.getByRole("table", { name: /Extracted data/ })).toHaveCount(0);
      await expect(page.locator("td").filter({ hasText: /^absent$/ })).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/${status}-process.png`, fullPage: true });
    });
  }
});
