import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * A compliance officer works through a filtered queue from the process page, by keyboard: `j`/`k` walk the
 * queue's rows in its order, `?` lists the keys, `a` takes the process, `d` goes to the decision form, and
 * `c` compares the document's face with the selfie.
 */

// Each journey opens six to eight pages; on a busy machine that is more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const processIds = (page: Page) => page.locator("tbody tr td:last-child span[title]").evaluateAll((spans) => spans.map((s) => s.getAttribute("title")!));
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
/** The keys work once the page is hydrated: a key pressed before that is lost. */
const keysReady = (page: Page) => expect(page.locator('dialog[data-keys="ready"]')).toBeAttached();

async function openFirstOf(page: Page, queue: string): Promise<string[]> {
  await page.goto(queue);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  const ids = await processIds(page);
  await page.locator("tbody tr td[data-primary] a").first().click();
  await expect(heading(page)).toContainText(ids[0]!);
  await keysReady(page);
  return ids;
}

test("walks three processes of a filtered queue with j and back with k, in the queue's order", async ({ page }) => {
  // Rejected, oldest update first: a filter and a sort that are not the defaults.
  const ids = await openFirstOf(page, "/processes?status=rejected&sort=updated.asc");
  expect(ids.length).toBeGreaterThanOrEqual(4);
  // The view travels sealed: no filter and no look-up text in the address.
  expect(page.url()).toMatch(/\?from=[\w-]+$/);
  await expect(page.getByText("First in the list")).toBeVisible();

  for (const [i, key] of ["j", "]", "j"].entries()) {
    await page.keyboard.press(key);
    await expect(heading(page)).toContainText(ids[i + 1]!);
    await expect(page).toHaveURL(new RegExp(`/processes/${ids[i + 1]}\\?from=`));
  }
  for (const [i, key] of ["k", "[", "k"].entries()) {
    await page.keyboard.press(key);
    await expect(heading(page)).toContainText(ids[2 - i]!);
  }
  await expect(page.getByText("First in the list")).toBeVisible();
  await page.screenshot({ path: "test-results/process-keyboard/walk.png" });

  // The way back is the queue as it was.
  await page.getByRole("link", { name: "Back to the list" }).click();
  await expect(page).toHaveURL(/status=rejected/);
  await expect(page).toHaveURL(/sort=updated.asc/);
});

test("? lists the keys; typing j in a field does not walk; a assigns; d goes to the decision form", async ({ page }) => {
  const ids = await openFirstOf(page, "/processes?status=rejected&assigned=unassigned");
  const first = page.url().replace(/\?.*$/, "");
  const review = page.getByRole("region", { name: "Review" });

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("next process in the list");
  await expect(help).toContainText("assign to me");
  await expect(help.getByRole("button", { name: "Close" })).toBeFocused();
  // Keys do nothing behind the dialog; Esc closes it.
  await page.keyboard.press("j");
  await expect(heading(page)).toContainText(ids[0]!);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("d");
  const form = page.getByRole("form", { name: "Decision form" });
  await expect(form.getByRole("radio", { name: "Approve" })).toBeFocused();
  await form.getByLabel("Note").fill("");
  await form.getByLabel("Note").pressSequentially("just checking jk[]");
  await expect(form.getByLabel("Note")).toHaveValue("just checking jk[]");
  await expect(heading(page)).toContainText(ids[0]!);
  await form.getByLabel("Note").fill("");
  await form.getByLabel("Note").blur();

  await expect(review.getByText("Unassigned", { exact: true })).toBeVisible();
  await page.keyboard.press("a");
  await expect(review.getByText("Assigned to you", { exact: true })).toBeVisible();

  // The process has left the Unassigned view, and j still walks on from where it stood.
  await page.keyboard.press("j");
  await expect(heading(page)).toContainText(ids[1]!);

  // Let go again, so that the other journeys find the demo data as it was.
  await page.goto(first);
  await expect(heading(page)).toContainText(ids[0]!);
  await review.getByRole("button", { name: "Unassign" }).click();
  await expect(review.getByText("Unassigned", { exact: true })).toBeVisible();
});

test("c compares the document's face and the selfie side by side; Esc closes", async ({ page }) => {
  await openFirstOf(page, "/processes?status=accepted&type=documentSelfie");
  // A desk just started may still be downloading the demo zips: the button comes with the stored result.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("button", { name: /^Compare faces/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await keysReady(page);
  await page.keyboard.press("c");
  const compare = page.getByRole("dialog", { name: "Compare faces" });
  await expect(compare).toBeVisible();
  for (const name of ["Document front", "Selfie"]) {
    const picture = compare.getByRole("img", { name, exact: true });
    await expect(picture).toBeVisible();
    await expect(picture).toHaveJSProperty("complete", true);
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  // Side by side, and larger than the page's own cards.
  const [front, selfie] = await Promise.all(["Document front", "Selfie"].map((name) => compare.getByRole("group", { name: new RegExp(`^${name}, zoom`) }).boundingBox()));
  expect(front!.x + front!.width).toBeLessThanOrEqual(selfie!.x);
  expect(front!.y < selfie!.y + selfie!.height && selfie!.y < front!.y + front!.height).toBe(true);
  expect(front!.height).toBeGreaterThan(400);

  // Zoom starts at the centre: zooming in scrolls the frame so that its middle stays in the middle.
  const frame = compare.getByRole("group", { name: /^Selfie, zoom/ });
  await compare.getByRole("button", { name: "Zoom in Selfie" }).click();
  await expect(frame).toHaveAttribute("aria-label", /zoom 150%/);
  const centred = await frame.evaluate((f) => Math.abs(f.scrollLeft + f.clientWidth / 2 - f.scrollWidth / 2) <= 2 && f.scrollLeft > 0);
  expect(centred).toBe(true);
  await page.screenshot({ path: "test-results/process-keyboard/compare-faces.png" });

  await page.keyboard.press("Escape");
  await expect(compare).toBeHidden();
});
