import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium on our machines (Playwright's downloader cannot reach its CDN); Playwright's own elsewhere.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  // Specs seed data through lib/ (server-only modules): resolve the marker to its empty module, as tsx scripts do.
  tsconfig: "./tsconfig.scripts.json",
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // Signed in as a compliance officer unless a file says otherwise (test.use({ storageState })).
    { name: "chromium", dependencies: ["setup"], use: { storageState: `e2e/.auth/${PORT}/compliance.json` } },
  ],
  webServer: {
    // The production build, started the way `npm start` starts it, on a database of its own.
    command: "npx tsx --tsconfig tsconfig.scripts.json e2e/support/e2e-server.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    // Locally a desk already started with `npx tsx --tsconfig tsconfig.scripts.json e2e/support/e2e-server.ts` on E2E_PORT is reused; CI always starts its own.
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT) },
  },
});
