import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * The queue as support staff use it: look someone up, narrow by status, page deep and share the link,
 * and move through rows by keyboard. Names are read from the page rather than assumed, so the journey
 * holds whatever names the demo seed produces.
 */

const SHOTS = "test-results/queue";
const fold = (value: string) => value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

const bodyRows = (page: Page) => page.locator("tbody tr");
const processIds = (page: Page) => page.locator("tbody tr td:last-child span[title]").evaluateAll((spans) => spans.map((s) => s.getAttribute("title")));

async function firstExtractedName(page: Page): Promise<string> {
  const names = await page.locator("tbody tr td[data-primary] a").allTextContents();
  const name = names.find((n) => n.trim() && n !== "not extracted");
  if (!name) throw new Error("no process on the first page has an extracted name");
  return name.trim();
}

test("look up a person by part of their name, without accents", async ({ page }) => {
  await page.goto("/processes");
  const name = await firstExtractedName(page);
  // The longest word, folded and cut short: "CONCEIÇÃO" becomes "conceic".
  const word = name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
  const partial = fold(word).slice(0, Math.max(3, word.length - 2));

  // The shortcut works once the page is hydrated; under load that can take a moment after the first paint.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByLabel("Look up", { exact: true })).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.type(partial);
  await expect(page.locator("#lookup-hint")).toContainText(`name contains “${partial}”`);
  await page.keyboard.press("Enter");

  // Read back from the URL rather than matched in it: a name like D'Angelo is written with %27 there.
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(partial);
  await expect(page.getByText(`Showing processes where name contains “${partial}”`)).toBeVisible();
  const found = await page.locator("tbody tr td[data-primary] a").allTextContents();
  expect(found.length).toBeGreaterThan(0);
  for (const n of found) expect(fold(n)).toContain(partial);
  await page.screenshot({ path: `${SHOTS}/lookup-partial-name.png`, fullPage: true });

  // Something nobody is called: the empty state says which look-up found nothing.
  await page.getByLabel("Look up", { exact: true }).fill("qqxzzq");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("empty-state")).toContainText("No process matches: name contains “qqxzzq”");
});

test("filter by status, with counts per status", async ({ page }) => {
  await page.goto("/processes");
  const count = async (status: string) => {
    const shown = page.locator(`[data-status-count="${status}"]`);
    await expect(shown).toHaveText(/^\d[\d,]*$/);
    return Number((await shown.textContent())!.replace(/\D/g, ""));
  };
  const failed = await count("failed");
  const rejected = await count("rejected");
  const statuses = () => page.locator("tbody tr td:first-child").allTextContents();

  await page.getByRole("checkbox", { name: /^failed/ }).check();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByRole("checkbox", { name: /^failed/ })).toBeChecked();
  await expect.poll(async () => new Set(await statuses())).toEqual(new Set(["failed"]));
  expect((await statuses()).length).toBe(Math.min(failed, 50));
  await expect(page.getByText(`${failed} in this view`)).toBeVisible();

  await page.getByRole("checkbox", { name: /^rejected/ }).check();
  await expect(page).toHaveURL(/status=rejected%2Cfailed|status=rejected,failed/);
  await expect.poll(async () => (await statuses()).length).toBe(Math.min(failed + rejected, 50));
  expect((await statuses()).every((s) => s === "failed" || s === "rejected")).toBe(true);
  await page.screenshot({ path: `${SHOTS}/filter-status.png`, fullPage: true });
});

test("page deep into the queue and share the link", async ({ page, context }) => {
  await page.goto("/processes");
  await page.getByRole("navigation", { name: "Rows per page" }).getByRole("link", { name: "25" }).click();
  await expect(page).toHaveURL(/size=25/);
  await expect(bodyRows(page)).toHaveCount(25);

  const pages: (string | null)[][] = [await processIds(page)];
  for (let i = 0; i < 3; i++) {
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(bodyRows(page).first()).toBeVisible();
    // The next page's rows, not the skeleton between two pages (an empty list is "different" too).
    const previous = JSON.stringify(pages.at(-1));
    await expect
      .poll(async () => {
        const ids = await processIds(page);
        return ids.length > 0 && JSON.stringify(ids) !== previous;
      })
      .toBe(true);
    pages.push(await processIds(page));
  }
  expect(new Set(pages.flat()).size).toBe(pages.flat().length);

  // The URL is the view: a colleague opening it sees the same rows.
  const shared = page.url();
  const colleague = await context.newPage();
  await colleague.goto(shared);
  await expect(bodyRows(colleague)).toHaveCount(pages.at(-1)!.length);
  expect(await processIds(colleague)).toEqual(pages.at(-1));
  await colleague.screenshot({ path: `${SHOTS}/deep-page-shared.png`, fullPage: true });

  await page.getByRole("link", { name: "Previous page" }).click();
  await expect.poll(() => processIds(page)).toEqual(pages[2]);
  await page.getByRole("link", { name: "First page" }).click();
  await expect.poll(() => processIds(page)).toEqual(pages[0]);
  await expect(page).not.toHaveURL(/cursor=/);
});

test("a damaged page link is an error, not an empty table", async ({ page }) => {
  await page.goto("/processes?cursor=not-a-real-cursor");
  const alert = page.getByRole("alert").filter({ hasText: "This view cannot be shown" });
  await expect(alert).toContainText("This page link is damaged");
  await page.screenshot({ path: `${SHOTS}/damaged-link-error.png` });
  await alert.getByRole("link", { name: "Go to the first page" }).click();
  await expect(bodyRows(page).first()).toBeVisible();
});

test("j and k move through the rows, Enter opens the process", async ({ page }) => {
  await page.goto("/processes");
  await expect(bodyRows(page).first()).toBeVisible();
  const ids = await processIds(page);
  // The keys are handled once the page is hydrated: a key pressed before that is lost.
  await expect(page.locator('tbody[data-keys="ready"]')).toBeAttached();

  await page.keyboard.press("j");
  await expect(bodyRows(page).nth(0)).toHaveAttribute("data-active", "true");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(bodyRows(page).nth(2)).toHaveAttribute("data-active", "true");
  await page.keyboard.press("k");
  await expect(bodyRows(page).nth(1)).toHaveAttribute("data-active", "true");
  await expect(bodyRows(page).nth(1).locator("td[data-primary] a")).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/keyboard-active-row.png` });

  await page.keyboard.press("Enter");
  // The link carries the queue's view, sealed, so that the process page can walk on (process-keyboard.spec.ts).
  await expect(page).toHaveURL(new RegExp(`/dossiers/[^/]+/processes/${ids[1]}\\?from=[\\w-]+$`));
});

test("a dossier shows who the person is and every process; an unknown one is not found", async ({ page }) => {
  await page.goto("/dossiers");
  await page.locator("tbody tr td[data-primary] a").first().click();
  await expect(page).toHaveURL(/\/dossiers\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: /^Dossier / })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Identity/ })).toBeVisible();
  const opens = page.getByRole("link", { name: /^Open / });
  await expect(opens.first()).toBeVisible();
  await expect(opens.first()).toHaveAttribute("href", /^\/dossiers\/[^/]+\/processes\/[^/]+$/);
  await page.screenshot({ path: `${SHOTS}/dossier-page.png`, fullPage: true });

  const response = await page.goto("/dossiers/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such dossier" })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
});
