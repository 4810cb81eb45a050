import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { authFile, type DemoUser } from "./support/auth";
import { expect, test } from "./support/fixtures";

/**
 * Issue 18: every page of the desk, in both languages and both colour schemes, without a serious or critical
 * axe-core violation. The language is the browser's (`Accept-Language`), as a first visit would send it;
 * Norwegian reads English until its messages exist, and is covered from the day they do.
 */

const LANGUAGES = ["en", "nb"] as const;
const SCHEMES = ["light", "dark"] as const;

interface DeskPage {
  name: string;
  /** Who opens it; null: signed out. */
  as: DemoUser | null;
  /** The address, or how to find it (a dossier and a process are demo data). */
  path: string | ((page: Page) => Promise<string>);
  status?: number;
}

async function firstProcessHref(page: Page): Promise<string> {
  await page.goto("/processes?status=accepted");
  const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
  expect(href, "a demo process").toBeTruthy();
  return href!;
}

const PAGES: DeskPage[] = [
  { name: "sign-in", as: null, path: "/sign-in" },
  { name: "queue", as: "compliance", path: "/processes" },
  { name: "dossier list", as: "compliance", path: "/dossiers" },
  { name: "a dossier", as: "compliance", path: async (page) => (await firstProcessHref(page)).replace(/\/processes\/.*$/, "") },
  { name: "a process", as: "compliance", path: firstProcessHref },
  { name: "a process, as support", as: "support", path: firstProcessHref },
  { name: "overview", as: "compliance", path: "/overview" },
  { name: "audit log", as: "compliance", path: "/audit" },
  { name: "admin", as: "admin", path: "/admin" },
  { name: "admin: webhook inbox", as: "admin", path: "/admin/inbox" },
  { name: "admin: staff users", as: "admin", path: "/admin/staff" },
  { name: "admin: sync", as: "admin", path: "/admin/sync" },
  { name: "forbidden", as: "support", path: "/audit", status: 403 },
  { name: "not found", as: "compliance", path: "/no-such-page", status: 404 },
];

const signedOut = { cookies: [], origins: [] };

// axe reads the colours of every node of a page of 50 rows: on a busy shared machine that alone can take 30 s.
test.describe.configure({ timeout: 120_000 });

for (const language of LANGUAGES) {
  for (const scheme of SCHEMES) {
    test.describe(`${language}, ${scheme}`, () => {
      test.use({ colorScheme: scheme, extraHTTPHeaders: { "Accept-Language": language } });

      for (const deskPage of PAGES) {
        test.describe(deskPage.name, () => {
          test.use({ storageState: deskPage.as ? authFile(deskPage.as) : signedOut });

          test(`${deskPage.name} has no serious or critical axe violation`, async ({ page }) => {
            const path = typeof deskPage.path === "string" ? deskPage.path : await deskPage.path(page);
            const response = await page.goto(path);
            expect(response!.status()).toBe(deskPage.status ?? 200);
            await expect(page.locator("h1").first()).toBeVisible();
            const { violations } = await new AxeBuilder({ page }).analyze();
            const serious = violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
            expect(serious).toEqual([]);
          });
        });
      }
    });
  }
}
