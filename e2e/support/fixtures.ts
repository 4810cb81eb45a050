import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

/**
 * Playwright's `test` and `expect`, with one rule added for every journey: no page may break the content
 * security policy. A refused script leaves a page that looks right and does nothing (the 404 and
 * forbidden pages once ran no JavaScript at all), so each test fails on any violation, in the browser
 * context Playwright gives it and in every context the test opens itself (`browser.newContext()`,
 * `browser.newPage()`). Specs import `test` and `expect` from here, never from "@playwright/test".
 */

const BINDING = "__deskReportCspViolation";
const watched = new WeakSet<BrowserContext>();

/** Chromium logs each refusal as a console error; the DOM event catches what it does not log. */
const isCspMessage = (message: ConsoleMessage) => message.type() === "error" && /Content Security Policy/i.test(message.text());

async function watch(context: BrowserContext, found: string[]) {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding(BINDING, ({ page }, text: string) => {
    found.push(`${page.url()}: ${text}`);
  });
  // Init scripts run before the page's own and are not subject to its policy.
  await context.addInitScript((binding: string) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>)[binding];
      report?.(`securitypolicyviolation: ${event.effectiveDirective} refused ${event.blockedURI || "an inline script or style"}`);
    });
  }, BINDING);
  const onPage = (page: Page) =>
    page.on("console", (message) => {
      if (isCspMessage(message)) found.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(onPage);
  context.on("page", onPage);
}

/** Watches the contexts a test opens itself, for the test's duration. */
function watchNewContexts(browser: Browser, found: string[]): () => void {
  const original = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await original(...args);
    await watch(context, found);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, provide) => {
      const found: string[] = [];
      await watch(context, found);
      const restore = watchNewContexts(browser, found);
      try {
        await provide(found);
      } finally {
        restore();
      }
      expect(found, "Content-Security-Policy violations on the pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
