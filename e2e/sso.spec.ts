import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";
import { E2E_OIDC, e2eOidcIssuer, setNextIdentity } from "./support/oidc-stub";

/**
 * Company SSO against the local OpenID Connect stub the e2e server starts (support/oidc-stub.ts): the
 * desk's real next-auth flow (discovery, authorization code with PKCE and state, RS256 ID token), with the
 * role from the `desk_role` claim.
 */

const issuer = e2eOidcIssuer(Number(process.env.E2E_PORT ?? 3100));

// The admin's browser checks the audit log and manages staff; each SSO user gets a browser of their own.
test.use({ storageState: authFile("admin") });

function identity(claims: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return { sub: `sso-${id}`, email: `sso-${id}@company.e2e`, name: `SSO User ${id}`, ...claims };
}

/** A fresh browser on the sign-in page that clicks the SSO button as `claims`. */
async function ssoSignIn(browser: Browser, baseURL: string, claims: { sub: string } & Record<string, unknown>): Promise<Page> {
  await setNextIdentity(issuer, claims);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /company SSO/i }).click();
  return page;
}

/** The audit rows about `email`, newest first, as the admin's CSV export shows them. */
async function auditOf(page: Page, email: string): Promise<string[]> {
  const response = await page.request.get(`/api/audit/export?who=${encodeURIComponent(email)}&what=auth`);
  const csv = await response.text();
  expect(response.status(), csv.slice(0, 200)).toBe(200);
  return csv.trim().split("\r\n").slice(1);
}

test("an SSO user is signed in with the role their ID token claims, and it is audited", async ({ page, browser, baseURL }) => {
  const who = identity({ [E2E_OIDC.roleClaim]: "compliance" });
  const user = await ssoSignIn(browser, baseURL!, who);
  await expect(user).toHaveURL(/\/processes/);
  const menu = user.locator("aside");
  await expect(menu.getByText(who.name)).toBeVisible();
  await expect(menu.getByText("compliance", { exact: true })).toBeVisible();
  // The claim's role is what the server enforces: compliance reads the audit log, but not the admin pages.
  await user.goto("/audit");
  await expect(user.getByRole("heading", { name: "Audit log" })).toBeVisible();
  expect((await user.request.get("/admin/staff", { maxRedirects: 0 })).status()).toBe(403);

  const rows = await auditOf(page, who.email);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(",compliance,auth.sign_in,");
  expect(rows[0]).toContain('""via"":""sso""');
  await page.goto("/admin/staff");
  await expect(page.getByRole("row").filter({ hasText: who.email })).toContainText("(SSO)");
  await user.context().close();
});

test("a deactivated SSO user is refused, and told why", async ({ page, browser, baseURL }) => {
  const who = identity({ [E2E_OIDC.roleClaim]: "support" });
  const first = await ssoSignIn(browser, baseURL!, who);
  await expect(first).toHaveURL(/\/processes/);
  await first.context().close();

  await page.goto("/admin/staff");
  const row = page.getByRole("row").filter({ hasText: who.email });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  const again = await ssoSignIn(browser, baseURL!, who);
  await expect(again).toHaveURL(/\/sign-in/);
  await expect(again.locator("#sign-in-error")).toHaveText("Your desk account is deactivated: ask an admin.");
  await again.goto("/processes");
  await expect(again).toHaveURL(/\/sign-in/);

  const rows = await auditOf(page, who.email);
  expect(rows[0]).toContain(",auth.sign_in_failed,");
  expect(rows[0]).toContain('""reason"":""deactivated""');
  await again.context().close();
});

test("an SSO user with no staff account and no role claim is refused with a clear message", async ({ page, browser, baseURL }) => {
  const who = identity();
  const user = await ssoSignIn(browser, baseURL!, who);
  await expect(user).toHaveURL(/\/sign-in\?error=NoStaffAccount/);
  await expect(user.locator("#sign-in-error")).toHaveText("Your company account has no access to the desk yet: ask an admin.");
  await user.goto("/processes");
  await expect(user).toHaveURL(/\/sign-in/);

  const rows = await auditOf(page, who.email);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(",auth.sign_in_failed,");
  expect(rows[0]).toContain('""reason"":""no staff account""');
  await page.goto("/admin/staff");
  await expect(page.getByRole("row").filter({ hasText: who.email })).toHaveCount(0);
  await user.context().close();
});

test("an SSO login is linked to an existing account only after an admin allows SSO for it, and with a verified email", async ({ page, browser, baseURL }) => {
  // Five sign-ins through the provider and four browsers: longer than one page's journey.
  test.setTimeout(90_000);
  const id = randomUUID().slice(0, 8);
  const email = `linked-${id}@company.example`;
  await page.goto("/admin/staff");
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Add staff user" }) });
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Name").fill(`Linked ${id}`);
  await create.getByLabel("Role").selectOption("support");
  await create.getByLabel(/Password/).fill("linked-user-password-42");
  await create.getByRole("button", { name: "Add staff user" }).click();
  await expect(create.getByText(`Created ${email}.`)).toBeVisible();

  // Someone at the provider with that email, even verified, gets nothing until an admin allows SSO.
  const who = { sub: `sso-${id}`, email, email_verified: true, name: `Linked ${id}`, [E2E_OIDC.roleClaim]: "admin" };
  const refused = await ssoSignIn(browser, baseURL!, who);
  await expect(refused).toHaveURL(/\/sign-in\?error=SsoNotAllowed/);
  await expect(refused.locator("#sign-in-error")).toContainText("does not allow company sign-in");
  await refused.context().close();

  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Allow SSO" }).click();
  await expect(row.getByText("SSO allowed.")).toBeVisible();

  // Allowed, but the provider does not vouch for the email: still refused.
  const unverified = await ssoSignIn(browser, baseURL!, { ...who, email_verified: false });
  await expect(unverified).toHaveURL(/\/sign-in\?error=EmailNotVerified/);
  await unverified.context().close();

  // Allowed and verified: linked, with the role the claim carries; a role change by the claim ends the old session.
  const linked = await ssoSignIn(browser, baseURL!, { ...who, [E2E_OIDC.roleClaim]: "compliance" });
  await expect(linked).toHaveURL(/\/processes/);
  await expect(linked.locator("aside").getByText("compliance", { exact: true })).toBeVisible();
  const promoted = await ssoSignIn(browser, baseURL!, who);
  await expect(promoted).toHaveURL(/\/processes/);
  await linked.goto("/processes");
  await expect(linked).toHaveURL(/\/sign-in/);
  await promoted.goto("/admin");
  await expect(promoted.getByRole("heading", { name: "Admin" })).toBeVisible();

  const rows = await auditOf(page, email);
  expect(rows[0]).toContain('""roleTo"":""admin""');
  await linked.context().close();
  await promoted.context().close();
});
