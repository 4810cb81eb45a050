import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export { DEMO_USERS, E2E_DEMO_PASSWORD, type DemoUser } from "./demo-users";
import type { DemoUser } from "./demo-users";

/**
 * Where the setup project keeps each user's signed-in browser state: a folder per desk port, so that two
 * runs side by side (E2E_PORT) never take each other's cookies, which name users of another database.
 */
export function authFile(user: DemoUser): string {
  return path.resolve("e2e/.auth", process.env.E2E_PORT ?? "3100", `${user}.json`);
}

export async function signIn(page: Page, email: string, password: string, baseUrl = "") {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Signing in runs argon2 and the first render of the queue: on a busy machine that takes more than the default 5 s.
  await expect(page).toHaveURL(/\/processes/, { timeout: 20_000 });
}
