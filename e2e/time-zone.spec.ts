import { expect, test } from "./support/fixtures";

/** A browser far from UTC: the desk shows its local time, with the exact UTC instant as the title. */
test.use({ timezoneId: "Pacific/Auckland", locale: "en-GB" });

test("times are in the browser's zone, with the UTC instant on hover", async ({ page }) => {
  await page.goto("/processes?status=accepted");
  await page.locator("tbody a[href*='/processes/']").first().click();
  const timeline = page.getByRole("region", { name: "Timeline" }).or(page.locator("section[aria-labelledby='timeline-heading']"));
  const created = timeline.locator("time").first();
  // A process page renders its zip's findings first: on a busy machine that takes more than the default 5 s.
  await expect(created).toBeVisible({ timeout: 30_000 });
  const iso = await created.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const at = new Date(iso!);
  const auckland = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Pacific/Auckland" }).format(at);
  const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(at);
  expect(auckland).not.toBe(utc);
  // The first page of a browser in a new zone renders again once it has told the desk its zone.
  await expect(created).toHaveText(auckland);
  await expect(created).toHaveAttribute("title", `${iso!.slice(0, 19).replace("T", " ")} UTC`);
});
