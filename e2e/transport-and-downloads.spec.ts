import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/** Strict-Transport-Security on every answer, and the refusal of personal-data GETs started by another site. */

test.use({ storageState: authFile("admin") });

/** An accepted demo process (it has a full-result zip): its id. */
async function acceptedProcess(page: Page): Promise<string> {
  await page.goto("/processes?status=accepted");
  const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
  const match = /\/processes\/([^/?#]+)(?:[?#]|$)/.exec(href ?? "");
  expect(match, "an accepted demo process").not.toBeNull();
  return match![1]!;
}

test("every answer carries Strict-Transport-Security: pages, redirects, API refusals, the webhook, assets", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const answers = {
    page: await page.request.get("/processes"),
    redirect: await anonymous.get("/processes", { maxRedirects: 0 }),
    apiRefusal: await anonymous.get("/api/audit/export"),
    webhook: await anonymous.post("/api/webhooks/assure", { data: {} }),
    health: await anonymous.get("/api/health"),
  };
  await page.goto("/processes");
  const src = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const assetAnswer = await anonymous.get(src!);
  for (const [what, answer] of Object.entries({ ...answers, asset: assetAnswer })) {
    expect(answer.headers()["strict-transport-security"], what).toBe("max-age=31536000");
  }
  expect(answers.redirect.status()).toBe(307);
  await anonymous.dispose();
});

test("the zip, its media and the audit CSV refuse a request another site started, and explain why", async ({ page }) => {
  const processId = await acceptedProcess(page);
  const downloads = [`/api/processes/${processId}/result`, `/api/processes/${processId}/result/media/front`, "/api/audit/export"];
  const auditRows = async () => (await (await page.request.get("/api/audit/export?what=result", { headers: { "Sec-Fetch-Site": "same-origin" } })).text()).trim().split("\r\n").length;
  const before = await auditRows();

  for (const url of downloads) {
    for (const site of ["cross-site", "same-site"]) {
      const refused = await page.request.get(url, { headers: { "Sec-Fetch-Site": site } });
      expect(refused.status(), `${site} ${url}`).toBe(403);
      expect(refused.headers()["content-type"]).toMatch(/text\/html/);
      expect(await refused.text()).toContain("opened from another website");
    }
  }
  // Nothing was sent, so nothing was recorded in the officer's name.
  expect(await auditRows()).toBe(before);

  // From the desk's own pages, or an address the officer typed, the same downloads work.
  for (const url of downloads) {
    expect((await page.request.get(url, { headers: { "Sec-Fetch-Site": "same-origin" } })).status(), url).toBe(200);
    expect((await page.request.get(url, { headers: { "Sec-Fetch-Site": "none" } })).status(), url).toBe(200);
  }

  // A real browser following a link on another site sends cross-site itself (127.0.0.1 is another site than localhost).
  const desk = new URL(page.url());
  await page.goto(`http://127.0.0.1:${desk.port}/api/health`);
  await page.setContent(`<a href="${desk.origin}${downloads[0]!}">zip</a>`);
  const navigation = page.waitForResponse((r) => r.url().endsWith(downloads[0]!));
  await page.getByRole("link", { name: "zip" }).click();
  expect((await navigation).status()).toBe(403);
});
