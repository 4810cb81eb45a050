import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { staffUsers } from "../../db/schema";
import { can, type Capability, type StaffRole } from "../../lib/auth/permissions";
import { staffCtx } from "../support/staff";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Every server action in app/ × {anonymous, support, compliance, admin}: refused or let through as the
 * permission matrix says. Server actions are public endpoints (anyone can POST a Next-Action id), so each
 * must check on its own. The actions are found in the file tree: a new one without a row in EXPECTED
 * fails this test until someone decides who may use it.
 *
 * Each action runs for real (its module, lib/server/session.ts's getCtx, the verbs, a real database); only
 * what needs a Next.js request is replaced: the session cookie's reading, request headers, `after`,
 * revalidation and redirects. Each is called with an empty form: an allowed role then gets the verb's
 * "invalid input" (or does the harmless thing an empty form asks), a refused role the guard's answer.
 */

type Who = "anonymous" | StaffRole;
const WHO: Who[] = ["anonymous", "support", "compliance", "admin"];

interface Expectation {
  /** Who may: the matrix's roles for this capability. */
  need: Capability;
  /** The arguments to call it with; default: useActionState's (previous state, an empty form). */
  args?: () => unknown[];
}

/** Keyed by `<file under app/>#<export>`. */
const EXPECTED: Record<string, Expectation> = {
  "(desk)/admin/inbox/actions.ts#replayInboxRowAction": { need: "desk.admin" },
  "(desk)/admin/staff/actions.ts#createStaffAction": { need: "desk.admin" },
  "(desk)/admin/staff/actions.ts#updateStaffAction": { need: "desk.admin" },
  "(desk)/admin/staff/actions.ts#resetPasswordAction": { need: "desk.admin" },
  "(desk)/admin/staff/actions.ts#setSsoAction": { need: "desk.admin" },
  "(desk)/admin/staff/actions.ts#clearSignInHoldsAction": { need: "desk.admin" },
  "(desk)/admin/sync/actions.ts#startFullSyncAction": { need: "desk.admin" },
  "(desk)/admin/sync/actions.ts#cancelFullSyncAction": { need: "desk.admin" },
  "(desk)/preferences/actions.ts#savePreferencesAction": { need: "processes.read" },
  "(desk)/preferences/actions.ts#chooseDisplayAction": { need: "processes.read" },
  "(desk)/_saved-views/actions.ts#saveViewAction": { need: "processes.read" },
  "(desk)/_saved-views/actions.ts#renameViewAction": { need: "processes.read" },
  "(desk)/_saved-views/actions.ts#updateViewFiltersAction": { need: "processes.read" },
  "(desk)/_saved-views/actions.ts#shareViewAction": { need: "processes.read" },
  "(desk)/_saved-views/actions.ts#deleteViewAction": { need: "processes.read" },
  "(desk)/_saved-views/actions.ts#pinViewAction": { need: "processes.read" },
  "(desk)/dossiers/[dossierId]/actions.ts#addNoteAction": { need: "notes.write" },
  "(desk)/dossiers/[dossierId]/actions.ts#eraseDossierAction": { need: "data.erase" },
  "(desk)/dossiers/[dossierId]/actions.ts#confirmErasureAction": { need: "data.erase" },
  "(desk)/dossiers/[dossierId]/actions.ts#withdrawErasureAction": { need: "data.erase" },
  "(desk)/dossiers/[dossierId]/actions.ts#legalHoldAction": { need: "data.hold" },
  // Called by the queue's bulk-retry dialog with plain arguments, not a form.
  // A malformed view (too long): a refused role must still hear the guard's answer, not "invalid view".
  "(desk)/processes/actions.ts#prepareBulkRetryAction": { need: "retries.write", args: () => ["x".repeat(3_000)] },
  "(desk)/processes/actions.ts#bulkRetryChunkAction": { need: "retries.write", args: () => [{ view: "x".repeat(3_000), bulkId: "", processIds: [] }] },
  "(desk)/dossiers/[dossierId]/processes/[processId]/actions.ts#decideAction": { need: "reviews.write" },
  "(desk)/dossiers/[dossierId]/processes/[processId]/actions.ts#settleDecisionAction": { need: "reviews.write" },
  "(desk)/dossiers/[dossierId]/processes/[processId]/actions.ts#assignAction": { need: "reviews.write" },
  "(desk)/dossiers/[dossierId]/processes/[processId]/actions.ts#retryAction": { need: "retries.write" },
  "(desk)/dossiers/[dossierId]/processes/[processId]/actions.ts#resumeRetryAction": { need: "retries.write" },
  "(desk)/dossiers/[dossierId]/processes/[processId]/actions.ts#cancelRetryAction": { need: "retries.write" },
};

const session = vi.hoisted(() => ({ current: null as { uid: string; signedInAt: number } | null }));
const database = vi.hoisted(() => ({ current: null as unknown }));

vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1" }), cookies: async () => new Map() }));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {}, after: () => {} }));
vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<object>()),
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { redirectedTo: url });
  },
}));
vi.mock("../../db", () => ({ getDatabase: async () => database.current }));
// Actions say what happened in the viewer's language; outside a Next.js request, in English.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { default: messages } = await import("../../messages/en.json");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }), getTimeZone: async () => "UTC" };
});

const APP = path.resolve(__dirname, "../../app");

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return /^actions\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

let testDatabase: TestDatabase;
const sessions = new Map<Who, { uid: string; signedInAt: number } | null>();
const actions = new Map<string, (...args: unknown[]) => Promise<unknown>>();

beforeAll(async () => {
  // The retry actions build their Assure client before the verb runs; it must exist, never be called.
  Object.assign(process.env, { ASSURE_BASE_URL: "http://127.0.0.1:9/assure", ASSURE_CLIENT_ID: "unused", ASSURE_CLIENT_SECRET: "unused" });
  testDatabase = await createTestDatabase();
  database.current = testDatabase;
  sessions.set("anonymous", null);
  for (const role of ["support", "compliance", "admin"] as const) {
    const { user } = await staffCtx(testDatabase.db, role);
    const [row] = await testDatabase.db.select({ validAfter: staffUsers.sessionsValidAfter }).from(staffUsers).where(eq(staffUsers.id, user.id));
    sessions.set(role, { uid: user.id, signedInAt: row!.validAfter.getTime() });
  }
  for (const file of actionFiles(APP)) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.set(`${path.relative(APP, file).split(path.sep).join("/")}#${name}`, value as never);
    }
  }
});

afterAll(async () => {
  await testDatabase?.dispose();
});

type Outcome = { refused: boolean; what: string };

/** What the caller saw: the guard's refusal (returned by runAction, thrown, or a redirect to sign in), or anything else. */
async function call(action: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    const result = (await action(...args)) as { ok?: boolean; message?: string } | null | undefined;
    const message = result?.message ?? "";
    const refused = result?.ok === false && (message === "Sign in first" || /^Your role \(\w+\) may not do this$/.test(message));
    return { refused, what: JSON.stringify(result) };
  } catch (error) {
    const redirectedTo = (error as { redirectedTo?: string }).redirectedTo;
    if (redirectedTo) return { refused: /^\/(sign-in|forbidden)/.test(redirectedTo), what: `redirect ${redirectedTo}` };
    const name = (error as Error).name;
    return { refused: name === "Forbidden" || name === "Unauthenticated", what: `threw ${name}: ${(error as Error).message}` };
  }
}

describe("server actions", () => {
  it("are found in app/", () => {
    // The finder itself: if it found nothing, the tests below would pass on nothing.
    expect(actions.size).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length - 1);
  });

  it("each has an expected capability here, and every row here is an action that exists", () => {
    expect([...actions.keys()].filter((key) => !EXPECTED[key]), "actions without a row in EXPECTED").toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !actions.has(key)), "rows for actions that are gone").toEqual([]);
  });

  it("refuse every role the matrix refuses, and let the others through", async () => {
    const failures: string[] = [];
    for (const [key, action] of actions) {
      const expectation = EXPECTED[key];
      if (!expectation) continue;
      for (const who of WHO) {
        session.current = sessions.get(who) ?? null;
        const allowed = who !== "anonymous" && can(who, expectation.need);
        const outcome = await call(action, expectation.args?.() ?? [null, new FormData()]);
        if (allowed && outcome.refused) failures.push(`${who} ${key}: refused, but the matrix allows ${expectation.need}: ${outcome.what}`);
        if (!allowed && !outcome.refused) failures.push(`${who} ${key}: not refused: ${outcome.what}`);
        // A crash is no answer: an allowed role must reach the verb's own check of the input.
        if (allowed && /Something went wrong/.test(outcome.what)) failures.push(`${who} ${key}: failed unexpectedly: ${outcome.what}`);
      }
    }
    session.current = null;
    expect(failures).toEqual([]);
  });
});
