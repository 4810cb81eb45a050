import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { staffUsers, webhookInbox } from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { upsertProcess } from "../lib/processes/upsert-process";
import { configureResultStore } from "../lib/results/result-store-settings";
import { seedSampleProcess } from "../lib/results/testing/seed-sample";
import { loadExample } from "../tests/support/fixtures";
import { signIn } from "./support/auth";

/**
 * The process page as a reviewer uses it. The shared e2e server's demo data has no full-result zips yet, so
 * this journey starts a desk of its own (the same build, `next start`) on a PGlite folder seeded here: an
 * inconclusive process with a zip, its notifications and retry, and a process whose zip the desk must refuse.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = path.resolve(".data", `e2e-viewer-${process.pid}`);

let server: ChildProcess | undefined;
let inconclusiveUrl = "";
let refusedUrl = "";
let processId = "";
const REVIEWER = { email: "viewer@e2e.desk", password: "viewer-e2e-password-42" };

// This file starts a desk of its own and signs in there, so it starts without the shared sessions.
test.use({ storageState: { cookies: [], origins: [] } });
test.beforeEach(async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password, BASE);
});

async function seed() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  const database = await openDatabase({ dataDir: DATA_DIR });
  // Zips go where the desk started below looks for them: its default store with the embedded database.
  configureResultStore({ kind: "filesystem", dir: path.join(DATA_DIR, "results") });
  try {
    await migrateDatabase(database);
    await database.db
      .insert(staffUsers)
      .values({ email: REVIEWER.email, name: "E2E Reviewer", role: "compliance", passwordHash: await hashPassword(REVIEWER.password) });
    const seeded = await seedSampleProcess(database.db, { imageWidth: 900 });
    processId = seeded.processId;
    inconclusiveUrl = `/dossiers/${seeded.dossierId}/processes/${seeded.processId}`;
    const failedId = randomUUID();
    await upsertProcess(database.db, { dossierId: seeded.dossierId, process: { ...loadExample("failed"), processId: failedId } });
    await upsertProcess(database.db, { dossierId: seeded.dossierId, process: seeded.process, retryOfProcessId: failedId });
    await database.db.insert(webhookInbox).values([
      { dedupeKey: randomUUID(), dossierId: seeded.dossierId, processId, body: {}, headers: {}, hintedStatus: "inconclusive", state: "done" },
    ]);
    const refused = await seedSampleProcess(database.db, { extra: [{ path: "../../escape.json", content: {} }] });
    refusedUrl = `/dossiers/${refused.dossierId}/processes/${refused.processId}`;
  } finally {
    await database.close();
  }
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the viewer's desk did not answer on ${BASE}`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await seed();
  // One pid (not `npx next start`), so that afterAll stops exactly what this file started.
  server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", DATA_DIR, DATABASE_URL: "", DEMO_DATA: "off", WORKER_IN_PROCESS: "0", PORT: String(PORT), NEXTAUTH_SECRET: "e2e-viewer-session-secret-0123456789abcdef", NEXTAUTH_URL: BASE },
    stdio: "ignore",
  });
  await waitForHealth(Date.now() + 90_000);
});

test.afterAll(async () => {
  if (server?.pid) server.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("a reviewer reads why a process is inconclusive, opens the breakdown and zooms a picture", async ({ page }) => {
  const request = page.request;
  await page.goto(`${BASE}${inconclusiveUrl}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(processId);

  const why = page.getByRole("region", { name: "Why this status" });
  await expect(why).toContainText(
    "inconclusive: the document's sub-result is suspected — visual authenticity consider (original document present: photo_of_screen)",
  );
  await expect(why).toContainText("facial similarity was consider (face match score 0.31 — low)");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Retry of");
  await expect(page.getByRole("region", { name: "MRZ check" })).toContainText("▲ differs");

  // A clear breakdown starts closed; opening it shows a sub-breakdown Onfido did not perform.
  const tree = page.getByRole("list", { name: "document breakdowns" });
  // Onfido's keys as Onfido sends them, each with what it checks beside it.
  const comparison = tree.getByRole("button", { name: "data_comparison", exact: true });
  await expect(comparison).toHaveAccessibleDescription(/match the details the end-user or the client gave/);
  await expect(comparison).toHaveAttribute("aria-expanded", "false");
  await comparison.click();
  await expect(comparison).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByText("not performed").first()).toBeVisible();
  // A flagged sub-breakdown opens to its reasons.
  const original = tree.getByRole("button", { name: "original_document_present" });
  await original.click();
  await expect(original).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("definition").filter({ hasText: "consider" }).first()).toBeVisible();
  await tree.screenshot({ path: "test-results/process-page-tree.png" });

  // Zoom and turn the front of the document, with the buttons and with the keyboard.
  const front = page.getByRole("figure").filter({ hasText: "Document front" });
  const picture = front.getByRole("img", { name: "Document front" });
  await expect(picture).toHaveJSProperty("complete", true);
  const before = (await picture.boundingBox())!.width;
  await front.getByRole("button", { name: "Zoom in Document front" }).click();
  await expect(front.getByRole("status")).toHaveText("150%");
  expect((await picture.boundingBox())!.width).toBeGreaterThan(before * 1.3);
  await front.getByRole("group").focus();
  await page.keyboard.press("+");
  await page.keyboard.press("r");
  await expect(front.getByRole("status")).toHaveText("200%, turned 90°");
  await front.screenshot({ path: "test-results/process-page-zoom.png" });

  // The picture's own URL serves the bytes privately; the zip downloads as an attachment.
  const href = await front.getByRole("link", { name: /Open in new tab/ }).getAttribute("href");
  const image = await request.get(`${BASE}${href}`);
  expect(image.headers()).toMatchObject({ "content-type": "image/jpeg", "cache-control": "private, no-store", "x-content-type-options": "nosniff" });
  const zip = await request.get(`${BASE}/api/processes/${processId}/result`);
  expect(zip.headers()["content-disposition"]).toBe(`attachment; filename="assure-result-${processId}.zip"`);

  await page.getByRole("button", { name: "Reset Document front" }).click();
  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  await page.screenshot({ path: "test-results/process-page.png", fullPage: true });
  // What a 1440×900 laptop shows on arrival.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/process-page-fold.png" });
});

test("a zip with a path that escapes its folder is refused, and the page says why", async ({ page }) => {
  await page.goto(`${BASE}${refusedUrl}`);
  const alert = page.getByRole("alert").filter({ hasText: "The desk refused to open this zip" });
  await expect(alert).toContainText("a '..' path component");
  await page.screenshot({ path: "test-results/process-page-refused.png", fullPage: true });
});

test("an unknown process shows the not-found page, with a 404", async ({ page }) => {
  const response = await page.goto(`${BASE}/dossiers/${randomUUID()}/processes/${randomUUID()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such process" })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
});
