import type { Browser, BrowserContextOptions } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile } from "./support/auth";

/**
 * The desk in English and Norwegian Bokmål: from the browser's Accept-Language, or from the language a user
 * chose in the user menu (stored with them). Each test opens its own browser context with its own language.
 */

async function open(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions) {
  const context = await browser.newContext({ baseURL, ...options });
  return { context, page: await context.newPage() };
}

const signedOut = { storageState: { cookies: [], origins: [] } };

/** A process page renders its zip's findings first: on a busy machine that takes more than the default 5 s. */
const PAGE_LOAD = { timeout: 30_000 };

test("the sign-in page follows Accept-Language: Norwegian Bokmål", async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { ...signedOut, locale: "nb-NO" });
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByText("Innlogging for ansatte")).toBeVisible();
  await expect(page.getByLabel("Passord")).toBeVisible();
  await expect(page.getByRole("button", { name: "Logg inn", exact: true })).toBeVisible();
  await context.close();
});

test("an unknown or malformed Accept-Language is English, never an error", async ({ browser, baseURL }) => {
  for (const header of ["xx-YY, zz;q=0.5", ";;q=abc,,*", "nb;q=7"]) {
    const { context, page } = await open(browser, baseURL, { ...signedOut, extraHTTPHeaders: { "Accept-Language": header } });
    const answer = await page.goto("/sign-in");
    expect(answer?.status(), header).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("Staff sign-in")).toBeVisible();
    await context.close();
  }
});

test("the queue and a process page in Norwegian Bokmål from the browser, in English by default", async ({ browser, baseURL }) => {
  const nb = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "nb-NO" });
  await nb.page.goto("/processes");
  await expect(nb.page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(nb.page.getByRole("heading", { name: "Prosesser", level: 1 })).toBeVisible();
  await expect(nb.page.getByRole("columnheader", { name: "Oppdatert" })).toBeVisible();
  await expect(nb.page.getByRole("link", { name: "Neste side" })).toBeVisible();
  // Assure's own values stay as Assure sends them.
  await expect(nb.page.getByRole("checkbox", { name: /^accepted/ })).toBeVisible();

  await nb.page.locator("tbody a[href*='/processes/']").first().click();
  await expect(nb.page.getByRole("heading", { name: "Tidslinje" })).toBeVisible(PAGE_LOAD);
  await expect(nb.page.getByRole("heading", { name: /^Prosess / })).toBeVisible();
  await nb.context.close();

  const en = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "en-GB" });
  await en.page.goto("/processes");
  await expect(en.page.locator("html")).toHaveAttribute("lang", "en");
  await expect(en.page.getByRole("heading", { name: "Processes", level: 1 })).toBeVisible();
  await expect(en.page.getByRole("columnheader", { name: "Updated" })).toBeVisible();
  await en.page.locator("tbody a[href*='/processes/']").first().click();
  await expect(en.page.getByRole("heading", { name: "Timeline" })).toBeVisible(PAGE_LOAD);
  await en.context.close();
});

test("the audit log in Norwegian Bokmål: headings, sentences, and days typed as the page writes them, in the viewer's zone", async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "nb-NO", timezoneId: "Europe/Oslo" });
  // The first page tells the desk the browser's zone (a cookie); the next renders in it.
  await page.goto("/audit");
  await expect.poll(() => page.evaluate(() => document.cookie.includes("desk-tz=Europe/Oslo"))).toBe(true);

  await page.goto("/audit?what=auth.sign_in");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { name: "Revisjonslogg", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Hvem" })).toBeVisible();
  // Each entry read as a Bokmål sentence, the action's code beside it as it is.
  await expect(page.getByRole("cell", { name: /^Logget inn\s*auth\.sign_in$/ }).first()).toBeVisible();

  const filters = page.locator("main form");
  const from = filters.getByLabel("Fra", { exact: true });
  await expect(from).toHaveAttribute("placeholder", "DD.MM.ÅÅÅÅ");
  await expect(from).toHaveAttribute("title", /Europe\/Oslo/);
  await from.fill("2.1.2026");
  await filters.getByRole("button", { name: "Filtrer" }).click();
  // The address keeps the ISO day; the field shows it as the page writes days.
  await expect(page).toHaveURL(/\/audit\?what=auth\.sign_in&from=2026-01-02$/);
  await expect(filters.getByLabel("Fra", { exact: true })).toHaveValue("02.01.2026");

  await from.fill("31.02.2026");
  await filters.getByRole("button", { name: "Filtrer" }).click();
  await expect(filters.getByRole("alert")).toHaveText("Skriv en dato som DD.MM.ÅÅÅÅ");
  await context.close();
});

test("a process under review in Norwegian Bokmål: the verdict, the MRZ check and the review panel; in English by default", async ({ browser, baseURL }) => {
  const nb = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "nb-NO" });
  await nb.page.goto("/processes?status=inconclusive");
  const links = await nb.page.locator("tbody a[href*='/processes/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const review = nb.page.getByRole("region", { name: "Saksbehandling" });
  // An inconclusive process nobody has decided on yet: its review panel offers the decision form. Nothing is submitted.
  for (const href of links) {
    await nb.page.goto(href);
    if (await review.getByRole("button", { name: "Registrer beslutning" }).isVisible()) break;
  }
  await expect(nb.page.locator("html")).toHaveAttribute("lang", "nb");

  // The verdict: Assure's status as it is, why in Bokmål, where the reasons come from.
  const why = nb.page.getByRole("region", { name: "Hvorfor denne statusen" });
  await expect(why.getByText("inconclusive", { exact: true })).toBeVisible(PAGE_LOAD);
  await expect(why).toContainText(/inconclusive(: |, men verken dokument- eller ansiktsresultatene)/);
  await expect(why).toContainText(/Fra Onfido-rapportene i det lagrede fullstendige resultatet\.|Fra Assures sammendrag \(providerSpecific\)/);
  await expect(nb.page.getByRole("region", { name: "MRZ-kontroll" })).toBeVisible();

  // The review panel: the form and its reason categories in Bokmål.
  await expect(review.getByRole("button", { name: "Registrer beslutning" })).toBeVisible();
  await expect(review.getByRole("button", { name: /^(Tildel meg|Fjern tildeling)$/ }).first()).toBeVisible();
  await expect(review.getByLabel("Godkjenn")).toBeVisible();
  await expect(review.getByLabel("Avvis")).toBeVisible();
  const reason = review.getByLabel("Begrunnelse");
  await expect(reason.locator("option", { hasText: "Dokumentet er mistenkelig eller forfalsket" })).toHaveAttribute("value", "document_suspicious");
  await expect(review.getByLabel("Notat")).toBeVisible();
  await expect(review).toContainText(/Den er endelig med en gang\.|En annen saksbehandler i etterlevelse må bekrefte den\./);
  // A note of spaces passes the browser's `required` but not the desk: the refusal names the field in Bokmål, not zod's English. Nothing is recorded.
  await review.getByLabel("Godkjenn").check();
  await reason.selectOption("document_authentic");
  await review.getByLabel("Notat").fill("   ");
  await review.getByRole("button", { name: "Registrer beslutning" }).click();
  await expect(review.getByRole("alert")).toHaveText("Beslutningen er ugyldig: Notat: må fylles ut", PAGE_LOAD);
  const processUrl = nb.page.url();
  await nb.context.close();

  const en = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "en-GB" });
  await en.page.goto(processUrl);
  await expect(en.page.getByRole("region", { name: "Why this status" })).toContainText("inconclusive", PAGE_LOAD);
  const english = en.page.getByRole("region", { name: "Review" });
  await expect(english.getByLabel("Reason").locator("option", { hasText: "Document suspicious or forged" })).toHaveAttribute("value", "document_suspicious");
  await expect(english).not.toContainText("Saksbehandling");
  await en.context.close();
});

test("a language chosen in the user menu wins over the browser's, until it is reset", async ({ browser, baseURL }) => {
  // The second compliance officer, so that no other journey signs in as a user whose language changed.
  const { context, page } = await open(browser, baseURL, { storageState: authFile("compliance2"), locale: "en-GB" });
  try {
    await page.goto("/processes");
    await page.getByText("Language and time zone").click(PAGE_LOAD);
    await page.getByLabel("Language").selectOption("nb");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nb", PAGE_LOAD);
    await expect(page.getByRole("heading", { name: "Prosesser", level: 1 })).toBeVisible();

    // Stored with the user: a fresh page in an English browser is still Norwegian.
    await page.goto("/processes");
    await expect(page.getByRole("heading", { name: "Prosesser", level: 1 })).toBeVisible();
  } finally {
    // Back to the browser's language, whatever the page shows now.
    const menu = page.locator("details:has(select[name=locale])");
    if (!(await menu.getAttribute("open").catch(() => null))) await menu.locator("summary").click();
    await menu.locator("select[name=locale]").selectOption("");
    await menu.locator("button[type=submit]").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en", PAGE_LOAD);
    await context.close();
  }
});

test("why a process has its status names Onfido's flagged checks in Bokmål, beside Onfido's own values", async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "nb-NO" });
  await page.goto("/processes?status=rejected");
  await page.locator("tbody a[href*='/processes/']").first().click();
  const why = page.getByRole("region", { name: "Hvorfor denne statusen" });
  // The flagged breakdown in Bokmål words, its result (and reasons) as Onfido sent them.
  await expect(why).toContainText(/rejected: dokumentets delresultat er rejected(?: —|;) .*(bildeintegritet|visuell ekthet|datavalidering|datakonsistens|datasammenligning|kompromittert dokument)\b.* consider/, PAGE_LOAD);
  await expect(why).not.toContainText(/image integrity|visual authenticity|data (validation|consistency|comparison)|image quality|\b(was|were|score|similarity)\b/);
  await context.close();
});

test("the queue says in Bokmål what an ignored value of the address takes", async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { storageState: authFile("compliance"), locale: "nb-NO" });
  await page.goto("/processes?status=bogus,failed&from=2024-13-45");
  const note = page.getByRole("note").filter({ hasText: "Ignorert i adressen" });
  // The desk's and Assure's codes as they are, what they are in Bokmål.
  await expect(note).toContainText("status=bogus (statusene er pending, processing, accepted");
  await expect(note).toContainText("from=2024-13-45 (en dato, ÅÅÅÅ-MM-DD)");
  await context.close();
});
