import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";
import { DEMO_USERS, E2E_DEMO_PASSWORD } from "./support/demo-users";

/** Signing in through the form as a person would, from a browser with no session. */
test.use({ storageState: { cookies: [], origins: [] } });

async function signInThroughForm(page: Page, callbackUrl: string, email: string = DEMO_USERS.support) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

const HOSTILE = ["/\\evil.example", "/\t/evil.example", "\\/\\/evil.example", "https://evil.example/", "//evil.example", " //evil.example"];

test.describe("the sign-in form's callback URL", () => {
  for (const hostile of HOSTILE) {
    test(`${JSON.stringify(hostile)} lands on the desk`, async ({ page, baseURL }) => {
      const leftTheDesk: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(baseURL!)) leftTheDesk.push(request.url());
      });
      await signInThroughForm(page, hostile);
      await expect(page.getByRole("heading", { name: "Processes" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(leftTheDesk).toEqual([]);
    });
  }

  test("a path on the desk is kept", async ({ page }) => {
    await signInThroughForm(page, "/dossiers?name=Smith");
    await expect(page).toHaveURL(/\/dossiers\?name=Smith$/);
  });
});

test("the audit log records the connection's address, not an X-Forwarded-For the client made up", async ({ browser, baseURL }) => {
  const forged = "203.0.113.66";
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": forged, "X-Real-IP": forged } });
  const page = await context.newPage();
  await signInThroughForm(page, "/processes", DEMO_USERS.admin);
  await expect(page.getByRole("heading", { name: "Processes" })).toBeVisible();
  // The signed-in user's own requests (getCtx) are recorded the same way: an export is audited.
  const csv = await (await page.request.get("/api/audit/export?what=auth.sign_in")).text();
  await context.close();
  const signIns = csv.split("\n").filter((line) => line.includes(`${DEMO_USERS.admin},admin,auth.sign_in,`));
  expect(signIns.length).toBeGreaterThan(0);
  expect(csv).not.toContain(forged);
  expect(signIns[0]).toMatch(/,(127\.0\.0\.1|::1),/);
});

test("an admin sees an account held back after failed sign-ins and lets it in again", async ({ browser, baseURL }) => {
  const admin = await browser.newContext({ baseURL, storageState: authFile("admin") });
  const adminPage = await admin.newPage();
  const email = `held-${Date.now()}@example.com`;
  const password = "held user's passphrase";
  await adminPage.goto("/admin/staff");
  const create = adminPage.locator("form").filter({ has: adminPage.getByRole("button", { name: "Add staff user" }) });
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Name").fill("Held Tester");
  await create.getByLabel("Password (empty: SSO only)").fill(password);
  await create.getByRole("button", { name: "Add staff user" }).click();
  await expect(adminPage.getByText(`Created ${email}.`)).toBeVisible();

  const visitor = await browser.newContext({ baseURL });
  const page = await visitor.newPage();
  for (let i = 0; i < 3; i++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("#sign-in-error")).toHaveText(/The email or password is wrong|Too many failed attempts from here\. Try again in \d+ seconds?\./);
  }

  await adminPage.reload();
  const holds = adminPage.getByRole("region", { name: "Held-back sign-ins" });
  const row = holds.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("3");
  await row.getByRole("button", { name: `Clear ${email}` }).click();
  // The page is revalidated: the row goes, and stays gone on a reload.
  await expect(holds.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await adminPage.reload();
  await expect(adminPage.getByRole("heading", { name: "Held-back sign-ins" })).toBeVisible();
  await expect(holds.getByRole("row").filter({ hasText: email })).toHaveCount(0);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Processes" })).toBeVisible();
  await Promise.all([admin.close(), visitor.close()]);
});
