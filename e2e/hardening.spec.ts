import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { E2E_DEMO_PASSWORD, E2E_SECRETS } from "./support/demo-users";

test("pages carry a nonce-based content security policy, no framing and no referrer", async ({ page }) => {
  const response = await page.goto("/processes");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // The page works under that policy: its scripts carry the nonce, and nothing was refused.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.reload();
  await page.getByRole("link", { name: "Dossiers" }).click();
  await expect(page.getByRole("heading", { name: "Dossiers" })).toBeVisible();
  expect(violations).toEqual([]);
});

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

test("no secret, and no server-only setting, is in the code sent to browsers", () => {
  const staticDir = path.resolve(process.env.DESK_DIST_DIR || ".next", "static");
  const forbidden = [
    ...Object.values(E2E_SECRETS),
    E2E_DEMO_PASSWORD,
    "desk-demo-secret",
    "NEXTAUTH_SECRET",
    "ASSURE_CLIENT_SECRET",
    "ASSURE_WEBHOOK_SECRET",
    "DATABASE_URL",
    "postgres://",
    "argon2",
  ];
  const found: string[] = [];
  let scanned = 0;
  for (const file of files(staticDir)) {
    if (!/\.(js|css|json|html|map)$/.test(file)) continue;
    scanned += 1;
    const text = readFileSync(file, "utf8");
    for (const needle of forbidden) if (text.includes(needle)) found.push(`${path.relative(staticDir, file)}: ${needle}`);
  }
  expect(scanned).toBeGreaterThan(5);
  expect(found).toEqual([]);
});
