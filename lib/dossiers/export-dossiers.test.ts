import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { desc, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Forbidden, InvalidInput, Unauthenticated } from "../errors";
import { csvRecords, readStream } from "../exports/testing/read-csv";
import { DOSSIER_SORTS } from "../lists/list-values";
import { LOOKUP_KINDS } from "../processes/parse-lookup";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import type { DossierFilters, ListDossiersInput } from "./dossier-list-query";
import { DOSSIER_EXPORT_COLUMNS, exportDossiers } from "./export-dossiers";
import { listDossiers } from "./list-dossiers";

/** The dossier export's `where` is the dossier list's: random views, the file against walking the pages. */

let database: TestDatabase;
let admin: Ctx & { user: NonNullable<Ctx["user"]> };
const days = [uniqueDay(), uniqueDay(), uniqueDay()];
const NAMES: [string, string][] = [["Søren", "Ørsted"], ["Zoë", "Šimić"], ["Maria", "Mendes"], ["=cmd|' /C calc'!A0", "Smith"]];

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await staffCtx(database.db, "admin");
  for (let i = 0; i < 30; i++) {
    const [firstName, lastName] = NAMES[i % NAMES.length]!;
    const dossierId = `${i % 2 ? "abc" : "abd"}${randomUUID().slice(3)}`;
    const processes = 1 + (i % 3);
    await seedProcesses(
      database.db,
      days[i % 3]!,
      Array.from({ length: processes }, (_, p) => ({ dossierId, updated: 10 + ((i + p) % 6) * 10, created: 5, firstName, lastName, documentNumber: `XK${100 + i}` })),
    );
  }
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

async function walkPages(input: ListDossiersInput): Promise<string[] | "refused"> {
  const ids: string[] = [];
  let cursor: string | null = null;
  try {
    do {
      const page: Awaited<ReturnType<typeof listDossiers>> = await listDossiers(database.db, { ...input, limit: 7, cursor });
      ids.push(...page.items.map((i) => i.dossierId));
      cursor = page.nextCursor;
    } while (cursor);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return "refused";
  }
  return ids;
}

async function exported(input: ListDossiersInput, batchSize?: number): Promise<string[] | "refused"> {
  try {
    const file = await exportDossiers(admin, input, { batchSize });
    return csvRecords(await readStream(file.body)).map((r) => r.dossier_id!);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return "refused";
  }
}

const sometimes = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const filtersArb: fc.Arbitrary<Partial<DossierFilters>> = fc
  .record({
    q: sometimes(fc.constantFrom("søren", "simic", "abc", "xk11", "1985-01-01", "ab", "maria mendes")),
    by: sometimes(fc.constantFrom(...LOOKUP_KINDS)),
    from: sometimes(fc.constantFrom(...days)),
    to: sometimes(fc.constantFrom(...days)),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));

describe("exportDossiers", () => {
  it("holds exactly the dossiers of the page's view, in its order, for random views", async () => {
    let withRows = 0;
    await fc.assert(
      fc.asyncProperty(filtersArb, fc.constantFrom(...DOSSIER_SORTS), fc.integer({ min: 1, max: 40 }), async (filters, sort, batchSize) => {
        const input = { filters, sort };
        const [page, file] = await Promise.all([walkPages(input), exported(input, batchSize)]);
        expect(file).toEqual(page);
        if (page !== "refused" && page.length > 0) withRows++;
      }),
      { numRuns: Number(process.env.EXPORT_PROPERTY_RUNS ?? 60) },
    );
    expect(withRows).toBeGreaterThan(0);
  });

  it("writes who each dossier is with accents intact and formula-like names neutralised", async () => {
    const file = await exportDossiers(admin, { filters: { from: days[0], to: days[2] } });
    const records = csvRecords(await readStream(file.body));
    expect(Object.keys(records[0]!)).toEqual([...DOSSIER_EXPORT_COLUMNS]);
    expect(records).toHaveLength(30);
    const names = new Set(records.map((r) => `${r.first_name} ${r.last_name}`));
    expect(names).toEqual(new Set(["Søren Ørsted", "Zoë Šimić", "Maria Mendes", "'=cmd|' /C calc'!A0 Smith"]));
    expect(file.fileName).toMatch(/^dossiers-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("is refused to support and to visitors without a session, and refuses a bad view naming the parameter", async () => {
    await expect(exportDossiers(await staffCtx(database.db, "support"), {})).rejects.toBeInstanceOf(Forbidden);
    await expect(exportDossiers({ db: database.db, user: null }, {})).rejects.toBeInstanceOf(Unauthenticated);
    await expect(exportDossiers(admin, { filters: { from: days[2], to: days[0] } })).rejects.toThrow(/to: the date range ends before it starts/);
    await expect(exportDossiers(admin, { filters: { q: "ab", by: "id" } })).rejects.toThrow(/q: Type at least 3 characters/);
  });

  it("audits its start and its end with the filters (the look-up as present) and the row count", async () => {
    const file = await exportDossiers(admin, { filters: { q: "Søren", from: days[1] } });
    const rows = csvRecords(await readStream(file.body)).length;
    const [end, start] = await database.db.select().from(auditLog).where(like(auditLog.action, "dossiers.export%")).orderBy(desc(auditLog.id)).limit(2);
    expect(start).toMatchObject({ action: "dossiers.export_start", details: { filters: { q: "present", by: "auto", from: days[1] }, sort: "activity.desc" } });
    expect(end).toMatchObject({ action: "dossiers.export", target: start!.target, details: { rows, outcome: "complete" } });
    expect(rows).toBeGreaterThan(0);
    expect(JSON.stringify([start, end])).not.toMatch(/søren/i);
  });
});
