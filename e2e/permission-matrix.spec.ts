import { readdirSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authFile, type DemoUser } from "./support/auth";

/**
 * Every page and route handler in app/ × {anonymous, support, compliance, admin}: the answer the
 * permission matrix promises. The route list is read from the file tree, so a new route without an
 * expectation here fails this test until someone decides who may use it. Server actions have the same
 * test, found the same way, in tests/permissions/server-actions.test.ts.
 */

type Who = "anonymous" | Exclude<DemoUser, "compliance2">;
const WHO: Who[] = ["anonymous", "support", "compliance", "admin"];

/** ok: 2xx · signin: sent to sign-in · a number: that status. */
type Answer = "ok" | "signin" | 400 | 401 | 403 | 404;
/** stream: an answer that never ends (Server-Sent Events): only its status is read, then it is dropped. */
type Expectation = { method?: "GET" | "POST"; stream?: true; answers: Record<Who, Answer> };

const everyone = (answer: Answer): Record<Who, Answer> => ({ anonymous: answer, support: answer, compliance: answer, admin: answer });
const staff = { anonymous: "signin", support: "ok", compliance: "ok", admin: "ok" } as const;
const results = { anonymous: 401, support: 403, compliance: "ok", admin: "ok" } as const;
const adminPage = { anonymous: "signin", support: 403, compliance: 403, admin: "ok" } as const;

/** Keyed by the route's folder under app/, as Next.js names it. */
const EXPECTED: Record<string, Expectation> = {
  "page:/": { answers: staff },
  "page:/sign-in": { answers: everyone("ok") },
  "page:/forbidden": { answers: everyone("ok") },
  "page:/processes": { answers: staff },
  "page:/dossiers": { answers: staff },
  "page:/dossiers/[dossierId]": { answers: staff },
  "page:/dossiers/[dossierId]/processes/[processId]": { answers: staff },
  "page:/audit": { answers: { anonymous: "signin", support: 403, compliance: "ok", admin: "ok" } },
  "page:/admin": { answers: adminPage },
  "page:/admin/inbox": { answers: adminPage },
  "page:/admin/sync": { answers: adminPage },
  "page:/admin/staff": { answers: adminPage },
  "route:/api/health": { answers: everyone("ok") },
  "route:/api/auth/[...nextauth]": { answers: everyone("ok") },
  // Its own authentication: the shared secret, which none of these callers has.
  "route:/api/webhooks/assure": { method: "POST", answers: everyone(401) },
  "route:/api/bench/bare": { method: "POST", answers: everyone(404) },
  // bench/bundle.ts's baseline page: only on a server started with DESK_BENCH_ROUTES=1.
  "page:/bench/bare": { answers: { anonymous: "signin", support: 404, compliance: 404, admin: 404 } },
  "route:/api/processes/[processId]/result": { answers: results },
  "route:/api/processes/[processId]/result/media/[slug]": { answers: results },
  "route:/api/audit/export": { answers: { anonymous: 401, support: 403, compliance: "ok", admin: "ok" } },
  // A bulk file of personal data: compliance and admins (lists.export).
  "route:/api/exports/processes": { answers: { anonymous: 401, support: 403, compliance: "ok", admin: "ok" } },
  "route:/api/exports/dossiers": { answers: { anonymous: 401, support: 403, compliance: "ok", admin: "ok" } },
  "page:/overview": { answers: { anonymous: "signin", support: 403, compliance: "ok", admin: "ok" } },
  // Without ?chart= it has nothing to export: those who may are told so (400).
  "route:/api/overview/export": { answers: { anonymous: 401, support: 403, compliance: 400, admin: 400 } },
  "route:/api/events": { stream: true, answers: { anonymous: 401, support: "ok", compliance: "ok", admin: "ok" } },
  "route:/api/presence": { answers: { anonymous: 401, support: "ok", compliance: "ok", admin: "ok" } },
  // The side bar's pinned views: each user's own pins, counted with the lists' own counts.
  "route:/api/saved-views/counts": { answers: { anonymous: 401, support: "ok", compliance: "ok", admin: "ok" } },
  "route:/api/dossiers/[dossierId]/evidence": { answers: results },
};

/** The status of a stream's answer, read from its headers; the body that would never end is dropped. */
async function streamStatus(context: APIRequestContext, url: string): Promise<number> {
  const { cookies } = await context.storageState();
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") }, redirect: "manual", signal: controller.signal });
  controller.abort();
  return response.status;
}

function routesIn(dir: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // Route groups "(desk)" and private folders "_components" add nothing to the URL.
      if (entry.name.startsWith("_")) continue;
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
      found.push(...routesIn(path.join(dir, entry.name), `${prefix}${segment}`));
    } else if (/^page\.tsx?$/.test(entry.name)) found.push(`page:${prefix || "/"}`);
    else if (/^route\.tsx?$/.test(entry.name)) found.push(`route:${prefix}`);
  }
  return found;
}

let ids: { dossierId: string; processId: string };

function concrete(route: string): string {
  const url = route
    .replace(/^\w+:/, "")
    .replace("[dossierId]", ids.dossierId)
    .replace("[processId]", ids.processId)
    .replace("[slug]", "front")
    .replace("[...nextauth]", "session");
  return url || "/";
}

async function contextFor(who: Who, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: who === "anonymous" ? undefined : authFile(who) });
}

test("every route in app/ has an expected answer for every role", () => {
  const routes = routesIn(path.resolve("app"));
  expect(routes.filter((route) => !EXPECTED[route]), "routes without a rule in this test").toEqual([]);
  expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route)), "rules for routes that are gone").toEqual([]);
});

test("every page and route handler answers each role as the matrix says", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  // A finished process with a zip, from the demo data, for the routes that take ids.
  await page.goto("/processes?status=accepted");
  const href = await page.locator("tbody a[href*='/processes/']").first().getAttribute("href");
  const match = /\/dossiers\/([^/]+)\/processes\/([^/?#]+)/.exec(href ?? "");
  expect(match, "an accepted demo process").not.toBeNull();
  ids = { dossierId: match![1]!, processId: match![2]! };

  const failures: string[] = [];
  for (const who of WHO) {
    const context = await contextFor(who, baseURL!);
    for (const [route, expectation] of Object.entries(EXPECTED)) {
      const url = concrete(route);
      let status: number;
      let location = "";
      if (expectation.stream) status = await streamStatus(context, new URL(url, baseURL).toString());
      else {
        const response = await context.fetch(url, { method: expectation.method ?? "GET", maxRedirects: 0, data: expectation.method === "POST" ? {} : undefined });
        status = response.status();
        location = response.headers()["location"] ?? "";
      }
      const wanted = expectation.answers[who];
      const ok =
        wanted === "ok" ? status < 300 || (status < 400 && !location.includes("/sign-in") && !location.includes("/forbidden"))
        : wanted === "signin" ? status >= 300 && status < 400 && location.includes("/sign-in")
        : status === wanted;
      if (!ok) failures.push(`${who} ${expectation.method ?? "GET"} ${route}: wanted ${wanted}, got ${status} ${location}`);
    }
    await context.dispose();
  }
  expect(failures).toEqual([]);
});
