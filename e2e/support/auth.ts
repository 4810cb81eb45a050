import path from "node:path";
import { expect, type Page } from "@playwright/test";

export { DEMO_USERS, E2E_DEMO_PASSWORD, type DemoUser } from "./demo-users";
import type { DemoUser } from "./demo-users";

/** Where the setup project keeps each user's signed-in browser state. */
export function authFile(user: DemoUser): string {
  return path.resolve("e2e/.auth", `${user}.json`);
}

export async function signIn(page: Page, email: string, password: string, baseUrl = "") {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/processes/);
}
