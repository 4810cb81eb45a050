import type { Browser, Page } from "@playwright/test";
import { authFile } from "./support/auth";
import { expect, test } from "./support/fixtures";

/** Issue 18: the desk on a phone (390 × 844), one line per row when asked, and dark mode. */

const SHOTS = "test-results/small-screens";

// Several pages (and two browsers) per test, each a server render on a shared machine.
test.describe.configure({ timeout: 90_000 });
const PHONE = { width: 390, height: 844 };

async function firstProcessHref(page: Page): Promise<string> {
  await page.goto("/processes?status=accepted");
  const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
  expect(href, "a demo process").toBeTruthy();
  return href!;
}

/** How far the page itself scrolls sideways: 0 when everything wide scrolls inside its own box. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The relative luminance of the body's background (0 black, 1 white). */
const backgroundLuminance = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...probe.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });

test.describe("at 390 × 844", () => {
  test.use({ viewport: PHONE });

  test("the queue, a process, the dossier list and the audit log never scroll the page sideways", async ({ page }) => {
    const process = await firstProcessHref(page);
    for (const [path, heading] of [
      ["/processes", "Processes"],
      [process, /^Process /],
      ["/dossiers", "Dossiers"],
      ["/audit", "Audit log"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      expect(await pageOverflow(page), `sideways overflow of ${path}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${path === process ? "process" : path.slice(1)}-390.png`, fullPage: true });
    }
  });

  test("the queue's table scrolls inside its card with the first column held in view", async ({ page }) => {
    await page.goto("/processes");
    const card = page.locator("table").locator("..");
    await expect(page.locator("tbody tr").first()).toBeVisible();
    const scrolled = await card.evaluate((box) => {
      const before = box.scrollWidth > box.clientWidth;
      box.scrollLeft = box.scrollWidth;
      const first = box.querySelector("tbody td")!.getBoundingClientRect().left;
      return { before, held: Math.abs(first - box.getBoundingClientRect().left) <= 2, moved: box.scrollLeft > 0 };
    });
    expect(scrolled).toEqual({ before: true, held: true, moved: true });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });

  test("the side bar is a menu: it opens, navigates, and Escape closes it with the focus back on Menu", async ({ page }) => {
    await page.goto("/processes");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.screenshot({ path: `${SHOTS}/menu-open.png` });
    await nav.getByRole("link", { name: "Dossiers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dossiers" })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.click();
    await expect(nav).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test("a process page shows its verdict (status, why, the review) before the other panels", async ({ page }) => {
    await page.goto(await firstProcessHref(page));
    const top = async (name: string | RegExp) => (await page.getByRole("region", { name }).boundingBox())!.y;
    const why = await top(/^Why/);
    const review = await top("Review");
    const verdicts = await top("Verdicts");
    const extracted = await top("Extracted data");
    expect(why).toBeLessThan(review);
    expect(review).toBeLessThan(verdicts);
    expect(verdicts).toBeLessThan(extracted);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test("at 1,024 px and wider the side bar stays: no Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/processes");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

/** A fresh browser for the same user, as on another machine: only what the desk stored carries over. */
async function sameUserElsewhere(browser: Browser) {
  const context = await browser.newContext({ storageState: authFile("compliance2"), viewport: { width: 1440, height: 900 } });
  return { context, page: await context.newPage() };
}

// The second compliance officer's choices: other specs sign in as the first, whose screens stay as they were.
test.describe("at 1,280 × 800, a common laptop", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the queue keeps room for the name, and a click on a name opens that process", async ({ page }) => {
    await page.goto("/processes?status=accepted");
    const name = page.locator("tbody td[data-primary] a").first();
    await expect(name).toBeVisible();
    // The name column once got what ten fixed columns left of a 1,280 px screen: nothing, and clicks fell on the next cell.
    const cell = await page.locator("tbody td[data-primary]").first().boundingBox();
    expect(cell?.width, "the name column's width").toBeGreaterThanOrEqual(150);
    expect(await pageOverflow(page), "sideways overflow of the page").toBeLessThanOrEqual(0);
    const href = await name.getAttribute("href");
    await name.click();
    await expect(page).toHaveURL((url) => href !== null && `${url.pathname}${url.search}` === href);
  });
});

test.describe("display choices, stored with the user", () => {
  test.use({ storageState: authFile("compliance2") });

  test("compact rows: one line per row, kept across a reload and in a new browser", async ({ page, browser }) => {
    await page.goto("/processes?size=50");
    const compact = page.getByRole("group", { name: "List rows" }).getByRole("button", { name: "Compact" });
    const comfortable = page.getByRole("group", { name: "List rows" }).getByRole("button", { name: "Comfortable" });
    try {
      // From the default, whatever an interrupted earlier run left behind.
      if ((await comfortable.getAttribute("aria-pressed")) !== "true") await comfortable.click();
      await expect(comfortable).toHaveAttribute("aria-pressed", "true");
      const rowHeight = () => page.locator("tbody tr").first().evaluate((tr) => tr.getBoundingClientRect().height);
      const comfortableHeight = await rowHeight();
      await compact.click();
      await expect(compact).toHaveAttribute("aria-pressed", "true");
      await expect(page.locator("html")).toHaveAttribute("data-density", "compact");
      expect(await rowHeight()).toBeLessThan(comfortableHeight);
      // One line: no cell of the dossier list wraps either.
      await page.goto("/dossiers");
      const wrapped = await page.locator("tbody td").evaluateAll((cells) =>
        cells.filter((td) => td.getBoundingClientRect().height > 2 * Number.parseFloat(getComputedStyle(td).lineHeight)).length,
      );
      expect(wrapped).toBe(0);

      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("data-density", "compact");
      const elsewhere = await sameUserElsewhere(browser);
      await elsewhere.page.goto("/processes");
      await expect(elsewhere.page.locator("html")).toHaveAttribute("data-density", "compact");
      await expect(elsewhere.page.getByRole("group", { name: "List rows" }).getByRole("button", { name: "Compact" })).toHaveAttribute("aria-pressed", "true");
      await elsewhere.context.close();
    } finally {
      await page.goto("/processes");
      await comfortable.click();
      await expect(comfortable).toHaveAttribute("aria-pressed", "true");
    }
    await expect(page.locator("html")).toHaveAttribute("data-density", "comfortable");
  });

  test("the toggle overrides the system's light scheme, is kept in a new browser, and System gives way again", async ({ page, browser }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/processes");
    const schemes = page.getByRole("group", { name: "Colour scheme" });
    const system = schemes.getByRole("button", { name: "System" });
    if ((await system.getAttribute("aria-pressed")) !== "true") await system.click();
    await expect(system).toHaveAttribute("aria-pressed", "true");
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    try {
      await schemes.getByRole("button", { name: "Dark" }).click();
      await expect(schemes.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      expect(await backgroundLuminance(page)).toBeLessThan(0.05);
      await page.screenshot({ path: `${SHOTS}/queue-dark-toggle.png` });

      const elsewhere = await sameUserElsewhere(browser);
      await elsewhere.page.emulateMedia({ colorScheme: "light" });
      // Served dark: the attribute is in the first answer, so there is no light flash before a script runs.
      const html = await (await elsewhere.page.request.get("/processes")).text();
      expect(html).toMatch(/<html[^>]*data-theme="dark"/);
      await elsewhere.page.goto("/dossiers");
      expect(await backgroundLuminance(elsewhere.page)).toBeLessThan(0.05);
      await elsewhere.context.close();
    } finally {
      await system.click();
      await expect(system).toHaveAttribute("aria-pressed", "true");
    }
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  });
});

test.describe("with the system in dark mode and no stored choice", () => {
  test.use({ colorScheme: "dark" });

  test("the desk follows it, and so does the sign-in page", async ({ page, browser }) => {
    await page.goto("/processes");
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await page.screenshot({ path: `${SHOTS}/queue-dark-system.png` });
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, colorScheme: "dark" });
    const signIn = await context.newPage();
    await signIn.goto("/sign-in");
    expect(await backgroundLuminance(signIn)).toBeLessThan(0.05);
    await context.close();
  });
});
