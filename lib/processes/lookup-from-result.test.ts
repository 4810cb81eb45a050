import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintenanceJobs, processes } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { resultStore } from "../results/result-store";
import { buildSampleZip, sampleDocumentReport } from "../results/testing/sample-result";
import { backfillLookupFromResults, LOOKUP_BACKFILL_JOB } from "./backfill-lookup";
import { fillLookupFromResult } from "./lookup-from-result";
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
