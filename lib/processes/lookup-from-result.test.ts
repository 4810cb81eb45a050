import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintenanceJobs, processes, processFindings } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { resultStore } from "../results/result-store";
import { buildSampleZip, sampleDocumentReport } from "../results/testing/sample-result";
import { backfillLookupFromResults, LOOKUP_BACKFILL_JOB } from "./backfill-lookup";
import { fillLookupFromResult, fillLookupFromResults } from "./lookup-from-result";
import { storeResultContents, storeResultContentsOf } from "./result-contents";
import { upsertProcess } from "./upsert-process";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/** A rejected process whose providerSpecific carries the verdict only (as Signicat's example does), and its zip. */
async function rejectedWithZip(properties?: Record<string, unknown>) {
  const process = { ...loadExample("rejected"), processId: randomUUID() };
  const dossierId = randomUUID();
  await upsertProcess(database.db, { dossierId, process });
  const document = sampleDocumentReport({ flags: { "image_integrity.image_quality": ["blurred_photo"] }, ...(properties ? { properties } : {}) });
  const zip = await buildSampleZip([
    { path: "process.json", content: process },
    { path: "onfido/reports/document.json", content: document },
  ]);
  return { processId: process.processId, dossierId, zip };
}

async function lookupOf(processId: string) {
  const [row] = await database.db.select().from(processes).where(eq(processes.processId, processId));
  return row;
}

describe("look-up fields from the stored result", () => {
  it("fills what Assure's process object lacks from the zip's document report", async () => {
    const { processId, zip } = await rejectedWithZip();
    expect(await lookupOf(processId)).toMatchObject({ documentType: null, documentNumber: null, nameSearch: null });
    expect(await fillLookupFromResult(database.db, processId, zip)).toBe(true);
    expect(await lookupOf(processId)).toMatchObject({
      firstName: "LAERKE OEYVOR AASE",
      lastName: "SPECIMEN",
      nameSearch: "laerke oeyvor aase specimen",
      documentType: "passport",
      documentNumber: "00000000",
      dateOfBirth: "1975-05-31",
      nationality: "NOR",
      issuingCountry: "NOR",
    });
    // A second pass has nothing left to fill.
    expect(await fillLookupFromResult(database.db, processId, zip)).toBe(false);
  });

  it("keeps what Assure said and maps Onfido's document types to Assure's", async () => {
    const { processId, zip } = await rejectedWithZip({ document_type: "driving_licence", first_name: "OTHER", last_name: "NAME" });
    await database.db.update(processes).set({ firstName: "ANA", lastName: "SILVA", nameSearch: "ana silva" }).where(eq(processes.processId, processId));
    await fillLookupFromResult(database.db, processId, zip);
    expect(await lookupOf(processId)).toMatchObject({ firstName: "ANA", lastName: "SILVA", nameSearch: "ana silva", documentType: "driverLicense" });
  });

  it("the result stage writes the findings and fills the gaps in one pass, and leaves a complete row alone", async () => {
    const gaps = await rejectedWithZip();
    await storeResultContents(database.db, gaps.processId, gaps.zip);
    expect(await lookupOf(gaps.processId)).toMatchObject({ documentNumber: "00000000", dateOfBirth: "1975-05-31", nameSearch: "laerke oeyvor aase specimen" });
    const findings = await database.db.select().from(processFindings).where(eq(processFindings.processId, gaps.processId));
    expect(findings.map((f) => f.path)).toContain("document.image_integrity.image_quality");

    const complete = await rejectedWithZip({ document_type: "passport", first_name: "OTHER", last_name: "NAME" });
    const filled = { firstName: "ANA", lastName: "SILVA", nameSearch: "ana silva", documentType: "passport", documentNumber: "X1", dateOfBirth: "1990-01-02" };
    await database.db.update(processes).set(filled).where(eq(processes.processId, complete.processId));
    const before = await lookupOf(complete.processId);
    await storeResultContents(database.db, complete.processId, complete.zip);
    expect(await lookupOf(complete.processId)).toEqual(before);
    expect(await database.db.$count(processFindings, eq(processFindings.processId, complete.processId))).toBeGreaterThan(0);

    // A zip the desk refuses to open adds neither.
    const refused = await rejectedWithZip();
    await storeResultContents(database.db, refused.processId, new TextEncoder().encode("not a zip"));
    expect(await lookupOf(refused.processId)).toMatchObject({ documentNumber: null });
    expect(await database.db.$count(processFindings, eq(processFindings.processId, refused.processId))).toBe(0);
  });

  it("stores many zips' contents in one pass: each process its own findings and gaps, a stale row of one only", async () => {
    const [gaps, complete, refused] = [await rejectedWithZip(), await rejectedWithZip(), await rejectedWithZip()];
    const filled = { firstName: "ANA", lastName: "SILVA", nameSearch: "ana silva", documentType: "passport", documentNumber: "X1", dateOfBirth: "1990-01-02" };
    await database.db.update(processes).set(filled).where(eq(processes.processId, complete.processId));
    // Rows a stored-again zip no longer has go; the same path of another process stays.
    const stale = { path: "document.visual_authenticity.fonts", report: "document", depth: 2, result: "consider", processCreatedAt: new Date() };
    await database.db.insert(processFindings).values([
      { ...stale, processId: gaps.processId },
      { ...stale, processId: complete.processId },
    ]);
    const untouched = await rejectedWithZip();
    await database.db.insert(processFindings).values({ ...stale, processId: untouched.processId });

    const replace = "replace" as const;
    await storeResultContentsOf(database.db, [
      { ...gaps, findings: replace },
      { ...complete, findings: replace },
      { processId: refused.processId, zip: new TextEncoder().encode("not a zip"), findings: replace },
    ]);

    expect(await lookupOf(gaps.processId)).toMatchObject({ documentNumber: "00000000", nameSearch: "laerke oeyvor aase specimen" });
    expect(await lookupOf(complete.processId)).toMatchObject(filled);
    expect(await lookupOf(refused.processId)).toMatchObject({ documentNumber: null });
    const pathsOf = async (processId: string) =>
      (await database.db.select({ path: processFindings.path }).from(processFindings).where(eq(processFindings.processId, processId))).map((f) => f.path).sort();
    for (const { processId } of [gaps, complete]) {
      const paths = await pathsOf(processId);
      expect(paths).toContain("document.image_integrity.image_quality");
      expect(paths).not.toContain(stale.path);
    }
    expect(await pathsOf(refused.processId)).toEqual([]);
    expect(await pathsOf(untouched.processId)).toEqual([stale.path]);
  });

  it("a first zip's findings are upserted and nothing is deleted; the same zip stored again replaces them", async () => {
    const first = await rejectedWithZip();
    // Rows a first write does not look for (there are none in practice: a zip that was not held had no findings).
    const other = { processId: first.processId, path: "document.visual_authenticity.fonts", report: "document", depth: 2, result: "consider", processCreatedAt: new Date() };
    const overlapping = { ...other, path: "document.image_integrity.image_quality", result: "clear" };
    await database.db.insert(processFindings).values([other, overlapping]);
    await storeResultContentsOf(database.db, [{ ...first, findings: "first" }]);
    const rows = await database.db.select().from(processFindings).where(eq(processFindings.processId, first.processId));
    expect(rows.find((r) => r.path === overlapping.path)).toMatchObject({ result: "consider", properties: { blurred_photo: "consider" } });
    expect(rows.map((r) => r.path)).toContain(other.path);

    await storeResultContentsOf(database.db, [{ ...first, findings: "replace" }]);
    const replaced = await database.db.select().from(processFindings).where(eq(processFindings.processId, first.processId));
    expect(replaced.map((r) => r.path)).not.toContain(other.path);
    expect(replaced.map((r) => r.path)).toContain(overlapping.path);
  });

  it("a batch names each process once: PostgreSQL refuses an upsert that touches a row twice, and nothing is written", async () => {
    const twice = await rejectedWithZip();
    await expect(storeResultContentsOf(database.db, [{ ...twice, findings: "first" }, { ...twice, findings: "first" }])).rejects.toThrow();
    expect(await database.db.$count(processFindings, eq(processFindings.processId, twice.processId))).toBe(0);
  });

  it("reads the look-up rows of many zips at once and opens only the zips whose rows have gaps", async () => {
    const [gaps, complete] = [await rejectedWithZip(), await rejectedWithZip()];
    await database.db.update(processes).set({ firstName: "ANA", documentType: "passport" }).where(eq(processes.processId, complete.processId));
    // A complete row's zip is never opened: one that cannot be opened changes nothing.
    const unopened = { processId: complete.processId, zip: new TextEncoder().encode("not a zip") };
    expect(await fillLookupFromResults(database.db, [gaps, unopened, { processId: "no-such-process", zip: gaps.zip }])).toEqual([true, false, false]);
    expect(await lookupOf(gaps.processId)).toMatchObject({ documentNumber: "00000000" });
    expect(await database.db.$count(processFindings, eq(processFindings.processId, gaps.processId))).toBe(0);
  });

  it("back-fills stored zips once, in batches that resume where they stopped", async () => {
    const seeded = [await rejectedWithZip(), await rejectedWithZip(), await rejectedWithZip()];
    const store = resultStore(database.db);
    for (const { processId, zip } of seeded) await store.put(processId, zip);

    const first = await backfillLookupFromResults(database.db, { batchSize: 2 });
    expect(first).toMatchObject({ examined: 2, finished: false });
    const [job] = await database.db.select().from(maintenanceJobs).where(eq(maintenanceJobs.name, LOOKUP_BACKFILL_JOB));
    expect(job?.cursor).toBeTruthy();
    let progress = first;
    while (!progress.finished) progress = await backfillLookupFromResults(database.db, { batchSize: 2 });
    for (const { processId } of seeded) expect((await lookupOf(processId))?.documentType).toBe("passport");
    // Finished: later starts do nothing.
    expect(await backfillLookupFromResults(database.db)).toEqual({ examined: 0, filled: 0, finished: true });
  });
});
