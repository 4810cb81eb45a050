import { test as setup } from "./support/fixtures";
import { authFile, DEMO_USERS, E2E_DEMO_PASSWORD, signIn, type DemoUser } from "./support/auth";

for (const user of Object.keys(DEMO_USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await signIn(page, DEMO_USERS[user], E2E_DEMO_PASSWORD);
    await page.context().storageState({ path: authFile(user) });
  });
}
