import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { can, type Capability, type StaffRole } from "../../lib/auth/permissions";
import { Forbidden, Unauthenticated } from "../../lib/errors";
import { seedProcesses, uniqueDay } from "../../lib/processes/testing/seed-processes";
import { staffCtx } from "../support/staff";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Every page loader in lib/ (an export named `get…Page`, or `getAdminOverview`, and the evidence pack's `gatherEvidence`) × {anonymous, support,
 * compliance, admin}, through a real context and database: the matrix's roles get an answer, the others
 * Forbidden, a visitor without a session Unauthenticated. The loaders are found in the source: a new one
 * without a row in EXPECTED fails this test until someone decides who may see its page.
 */

type Who = "anonymous" | StaffRole;
const WHO: Who[] = ["anonymous", "support", "compliance", "admin"];

interface Seeded {
  database: TestDatabase;
  dossierId: string;
  failedProcessId: string;
}

interface Expectation {
  need: Capability;
  args: (seeded: Seeded) => unknown[];
}

/** Keyed by `<file under lib/>#<export>`. */
const EXPECTED: Record<string, Expectation> = {
  "processes/get-process-page.ts#getProcessPage": { need: "processes.read", args: (s) => [{ dossierId: s.dossierId, processId: s.failedProcessId }] },
  "processes/get-process-list-page.ts#getProcessListPage": { need: "processes.read", args: () => [{ filters: { status: ["failed"] } }] },
  "dossiers/get-dossier-page.ts#getDossierPage": { need: "processes.read", args: (s) => [{ dossierId: s.dossierId }] },
  "dossiers/get-dossier-list-page.ts#getDossierListPage": { need: "processes.read", args: () => [{}] },
  "health/get-admin-overview.ts#getAdminOverview": { need: "desk.admin", args: (s) => [s.database] },
  "audit/get-audit-page.ts#getAuditPage": { need: "audit.read", args: () => [{ what: "review" }] },
  "webhooks/get-inbox-page.ts#getInboxPage": { need: "desk.admin", args: () => [{ state: "dead" }] },
  "sync/get-sync-page.ts#getSyncPage": { need: "desk.admin", args: () => [] },
  "staff/get-staff-page.ts#getStaffPage": { need: "desk.admin", args: () => [] },
  "overview/get-overview-page.ts#getOverviewPage": { need: "oversight.read", args: () => [{ type: "document" }] },
  // Not a page: the evidence pack's route handler reads through it.
  "evidence/gather-evidence.ts#gatherEvidence": { need: "evidence.read", args: (s) => [{ dossierId: s.dossierId }] },
};

const LIB = path.resolve(__dirname, "../../lib");
const LOADER_EXPORT = /export async function (get\w*Page|getAdminOverview|gatherEvidence)\(/g;

function loadersIn(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...loadersIn(file));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      for (const match of readFileSync(file, "utf8").matchAll(LOADER_EXPORT)) found.push(`${path.relative(LIB, file)}#${match[1]}`);
    }
  }
  return found;
}

let seeded: Seeded;
const contexts = new Map<Who, Ctx>();

beforeAll(async () => {
  const database = await createTestDatabase();
  const dossierId = randomUUID();
  const [failed] = await seedProcesses(database.db, uniqueDay(), [{ dossierId, created: 1, updated: 2, status: "failed" }]);
  seeded = { database, dossierId, failedProcessId: failed!.processId };
  contexts.set("anonymous", { db: database.db, user: null, address: "127.0.0.1" });
  for (const role of ["support", "compliance", "admin"] as const) contexts.set(role, await staffCtx(database.db, role));
});

afterAll(async () => {
  await seeded?.database.dispose();
});

/** A list page hands its reads over as promises (the page streams them): settle them as the page would. */
async function settled(answer: unknown): Promise<unknown> {
  if (!answer || typeof answer !== "object") return answer;
  const entries = await Promise.all(Object.entries(answer).map(async ([key, value]) => [key, value instanceof Promise ? await value : value]));
  return Object.fromEntries(entries);
}

describe("page loaders", () => {
  const loaders = loadersIn(LIB);

  it("each has a row here, and each row a loader", () => {
    expect(loaders.length).toBeGreaterThan(0);
    expect([...loaders].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([key, expectation]) => WHO.map((who) => ({ key, who, ...expectation })));

  it.each(cases)("$key for $who", async ({ key, who, need, args }) => {
    const [file, name] = key.split("#") as [string, string];
    const loader = ((await import(path.join(LIB, file))) as Record<string, (ctx: Ctx, ...rest: unknown[]) => Promise<unknown>>)[name]!;
    const answer = loader(contexts.get(who)!, ...args(seeded)).then(settled);
    if (who === "anonymous") await expect(answer).rejects.toBeInstanceOf(Unauthenticated);
    else if (can(who, need)) await expect(answer).resolves.toBeTypeOf("object");
    else await expect(answer).rejects.toBeInstanceOf(Forbidden);
  });

  // The lists' "Export CSV" is a bulk file of personal data: offered only where the export route answers.
  it.each(["support", "compliance", "admin"] as const)("the lists offer their CSV export to %s only when the role may export", async (role) => {
    const { getProcessListPage } = await import("../../lib/processes/get-process-list-page");
    const { getDossierListPage } = await import("../../lib/dossiers/get-dossier-list-page");
    const ctx = contexts.get(role)!;
    expect((await settled(await getProcessListPage(ctx, {})) as { canExport: boolean }).canExport).toBe(can(role, "lists.export"));
    expect((await settled(await getDossierListPage(ctx, {})) as { canExport: boolean }).canExport).toBe(can(role, "lists.export"));
    expect(can(role, "lists.export")).toBe(role !== "support");
  });
});
