import fc from "fast-check";
import { desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { PROCESS_STATUSES, PROCESS_TYPES } from "../assure/values";
import type { Ctx } from "../auth/context";
import { Forbidden, InvalidInput, Unauthenticated } from "../errors";
import { csvRecords, readStream } from "../exports/testing/read-csv";
import { ASSIGNMENT_FILTERS, DATE_FIELDS, LISTED_DOCUMENT_TYPES, PROCESS_SORTS } from "../lists/list-values";
import { assignProcessToMe } from "../reviews/assignments";
import { recordReviewDecision } from "../reviews/review-decisions";
import { exportProcesses, PROCESS_EXPORT_COLUMNS } from "./export-processes";
import { listProcesses, type ProcessListItem } from "./list-processes";
import { LOOKUP_KINDS } from "./parse-lookup";
import type { ListProcessesInput, ProcessFilters } from "./process-list-query";
import { seedProcesses, uniqueDay, type ProcessSpec } from "./testing/seed-processes";

/**
 * The export's `where` is the page's: for random combinations of every filter the queue has, the file's
 * rows are exactly the rows of walking the page from its first to its last page, in the same order, and
 * a view the page refuses the export refuses too. This file owns its database, so every row is in reach.
 */

let database: TestDatabase;
let compliance: Ctx & { user: NonNullable<Ctx["user"]> };
let admin: Ctx & { user: NonNullable<Ctx["user"]> };
const days = [uniqueDay(), uniqueDay(), uniqueDay()];

const NAMES: [string, string][] = [
  ["Søren", "Ørsted"],
  ["Zoë", "Šimić"],
  ["Łukasz", "Wójcik"],
  ["Maria", "Mendes"],
  ["Mário", "Santos"],
  ["=HYPERLINK(\"http://x\")", "+45 1234"],
  ["-Ana", "@home"],
  ["Jean, \"Jo\"", "Dupont"],
];
const COUNTRIES = ["PRT", "NOR", "POL", "DEU"];
const DOCUMENT_TYPES = LISTED_DOCUMENT_TYPES.filter((d) => d !== "unknown");

beforeAll(async () => {
  database = await createTestDatabase();
  compliance = await staffCtx(database.db, "compliance");
  admin = await staffCtx(database.db, "admin");
  const specs: (ProcessSpec & { day: string })[] = [];
  for (let i = 0; i < 54; i++) {
    const [firstName, lastName] = NAMES[i % NAMES.length]!;
    specs.push({
      day: days[i % 3]!,
      status: PROCESS_STATUSES[i % PROCESS_STATUSES.length]!,
      processType: PROCESS_TYPES[i % PROCESS_TYPES.length]!,
      documentType: DOCUMENT_TYPES[(i >> 1) % DOCUMENT_TYPES.length]!,
      issuingCountry: COUNTRIES[(i >> 2) % COUNTRIES.length]!,
      firstName: i % 9 === 4 ? undefined : firstName,
      lastName: i % 9 === 4 ? undefined : lastName,
      documentNumber: `AB${String(1000 + i * 37)}`,
      dateOfBirth: `1985-03-0${1 + (i % 3)}`,
      // Ties on both timestamps, and created and updated in different orders.
      updated: 10 + (i % 7) * 10,
      created: 80 - (i % 5) * 10,
    });
  }
  const seeded: { processId: string; status: string }[] = [];
  for (const { day, ...spec } of specs) {
    const [one] = await seedProcesses(database.db, day, [spec]);
    seeded.push({ processId: one!.processId, status: spec.status! });
  }
  // Review state: some taken by the officer, some of those decided.
  const reviewable = seeded.filter((s) => s.status === "inconclusive" || s.status === "rejected");
  for (const [i, { processId }] of reviewable.entries()) {
    if (i % 3 === 2) continue;
    await assignProcessToMe(compliance, { processId });
    if (i % 3 === 1) await recordReviewDecision(compliance, { processId, decision: "reject", reasonCategory: "other", note: "n" }, { fourEyes: false });
  }
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

type Outcome = { ok: true; ids: string[] } | { ok: false; error: unknown };

async function walkPages(ctx: Ctx, input: ListProcessesInput): Promise<Outcome> {
  const viewer = { userId: ctx.user!.id, role: ctx.user!.role };
  const items: ProcessListItem[] = [];
  let cursor: string | null = null;
  try {
    do {
      const page: Awaited<ReturnType<typeof listProcesses>> = await listProcesses(database.db, { ...input, limit: 11, cursor }, viewer);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  } catch (error) {
    return { ok: false, error };
  }
  return { ok: true, ids: items.map((i) => i.processId) };
}

async function exported(ctx: Ctx, input: ListProcessesInput, batchSize?: number): Promise<Outcome & { records?: Record<string, string>[] }> {
  try {
    const file = await exportProcesses(ctx, input, { batchSize });
    const records = csvRecords(await readStream(file.body));
    return { ok: true, ids: records.map((r) => r.process_id!), records };
  } catch (error) {
    return { ok: false, error };
  }
}

const day = fc.constantFrom(...days);
/** Each filter in about one view of four, so that views mix a few filters and most find some rows. */
const sometimes = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const filtersArb: fc.Arbitrary<Partial<ProcessFilters>> = fc
  .record({
    q: sometimes(fc.constantFrom("sør", "orsted", "maria mendes", "šimić", "AB1", "ab10", "1985-03-02", "02.03.1985", "xy", "hyperlink", "zzz-nobody")),
    by: sometimes(fc.constantFrom(...LOOKUP_KINDS)),
    status: sometimes(fc.uniqueArray(fc.constantFrom(...PROCESS_STATUSES), { minLength: 1, maxLength: 3 })),
    type: sometimes(fc.constantFrom(...PROCESS_TYPES)),
    doc: sometimes(fc.constantFrom(...LISTED_DOCUMENT_TYPES)),
    country: sometimes(fc.constantFrom(...COUNTRIES, "prt")),
    dates: sometimes(fc.constantFrom(...DATE_FIELDS)),
    from: sometimes(day),
    to: sometimes(day),
    assigned: sometimes(fc.constantFrom(...ASSIGNMENT_FILTERS)),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));

describe("exportProcesses: the page's where, every row", () => {
  it("holds exactly the rows of the page's view, in its order, for random filter combinations", async () => {
    const seen = { rows: 0, empty: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(filtersArb, fc.constantFrom(...PROCESS_SORTS), fc.constantFrom("compliance", "admin"), fc.integer({ min: 1, max: 60 }), async (filters, sort, role, batchSize) => {
        const ctx = role === "compliance" ? compliance : admin;
        const input = { filters, sort };
        // Small batches too: batch boundaries fall between rows that share a timestamp.
        const [page, file] = await Promise.all([walkPages(ctx, input), exported(ctx, input, batchSize)]);
        if (!page.ok) {
          seen.refused++;
          expect(page.error).toBeInstanceOf(InvalidInput);
          expect(file.ok ? "exported" : file.error).toBeInstanceOf(InvalidInput);
          return;
        }
        expect(file.ok ? file.ids : file.error).toEqual(page.ids);
        if (page.ids.length > 0) seen.rows++;
        else seen.empty++;
      }),
      { numRuns: Number(process.env.EXPORT_PROPERTY_RUNS ?? 80) },
    );
    // The property is only as good as its views: most must find rows, and refusals must be tried too.
    expect(seen.rows).toBeGreaterThan(seen.empty);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it("keeps names whole, accents and all, and neutralises cells a spreadsheet would run", async () => {
    const file = await exported(admin, { filters: { from: days[0], to: days[2] } });
    expect(file.ok).toBe(true);
    expect(Object.keys(file.records![0]!)).toEqual([...PROCESS_EXPORT_COLUMNS]);
    const names = new Set(file.records!.map((r) => `${r.first_name} ${r.last_name}`));
    expect(names).toContain("Søren Ørsted");
    expect(names).toContain("Łukasz Wójcik");
    expect(names).toContain("Zoë Šimić");
    expect(names).toContain('Jean, "Jo" Dupont');
    expect(names).toContain(`'=HYPERLINK("http://x") '+45 1234`);
    expect(names).toContain("'-Ana '@home");
    expect(file.records!.length).toBe(54);
  });

  it("shows the review state the queue shows", async () => {
    const file = await exported(compliance, { filters: { assigned: "decided" } });
    expect(file.ok).toBe(true);
    expect(file.records!.length).toBeGreaterThan(0);
    for (const record of file.records!) {
      expect(record.decision).toBe("reject");
      expect(record.decision_state).toBe("final");
      expect(record.assignee).toBe("compliance tester");
    }
  });
});

describe("exportProcesses: who, what is refused, and the audit", () => {
  it("is for compliance and admins: support is refused, and so is a visitor without a session", async () => {
    const support = await staffCtx(database.db, "support");
    await expect(exportProcesses(support, {})).rejects.toBeInstanceOf(Forbidden);
    await expect(exportProcesses({ db: database.db, user: null }, {})).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("refuses what the page refuses, naming the parameter", async () => {
    await expect(exportProcesses(admin, { filters: { from: days[2], to: days[0] } })).rejects.toThrow(/to: the date range ends before it starts/);
    await expect(exportProcesses(admin, { filters: { q: "xy", by: "name" } })).rejects.toThrow(/q: Type at least 3 letters/);
    await expect(exportProcesses(admin, { filters: { assigned: "mine" } })).rejects.toThrow(/assigned: /);
    await expect(exportProcesses(admin, { filters: { status: ["bogus"] } })).rejects.toThrow(/status/);
    await expect(exportProcesses(admin, { sort: "name.asc" })).rejects.toThrow(/sort/);
  });

  it("is audited at its start and its end with its filters and row count, never the look-up's text", async () => {
    const file = await exportProcesses(compliance, { filters: { q: "Søren Ørsted", by: "name", status: ["accepted", "rejected"], from: days[0] }, sort: "created.asc" });
    const rows = csvRecords(await readStream(file.body)).length;
    const entries = await database.db.select().from(auditLog).where(like(auditLog.action, "processes.export%")).orderBy(desc(auditLog.id)).limit(2);
    const [end, start] = entries;
    expect(start!.action).toBe("processes.export_start");
    expect(end!.action).toBe("processes.export");
    expect(end!.target).toBe(start!.target);
    expect(end!.actorId).toBe(compliance.user.id);
    const filters = { q: "present", by: "name", status: ["accepted", "rejected"], from: days[0] };
    expect(start!.details).toEqual({ filters, sort: "created.asc" });
    expect(end!.details).toEqual({ filters, sort: "created.asc", rows, outcome: "complete" });
    expect(JSON.stringify(entries)).not.toMatch(/søren|ørsted/i);
  });

  it("stops reading when the client goes away, and audits the rows sent so far", async () => {
    const controller = new AbortController();
    const file = await exportProcesses(admin, { filters: {} }, { signal: controller.signal, batchSize: 5 });
    const reader = file.body.getReader();
    await reader.read(); // the header; the first batch follows on the next read
    controller.abort();
    await expect(async () => {
      for (;;) if ((await reader.read()).done) break;
    }).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [end] = await database.db.select().from(auditLog).where(eq(auditLog.action, "processes.export")).orderBy(desc(auditLog.id)).limit(1);
    expect(end!.details).toMatchObject({ outcome: "aborted" });
    const sent = (end!.details as { rows: number }).rows;
    expect(sent).toBeLessThan(54);
    expect(sent % 5).toBe(0);
  });
});
