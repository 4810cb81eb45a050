import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, maintenanceJobs, processFindings, processes } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createAssureClient } from "../assure/client";
import { startAssureTestServer, testConfig, type TestServer } from "../assure/test-server";
import { downloadResult, storeResult } from "../processes/refresh-process";
import { upsertProcess } from "../processes/upsert-process";
import { purgeDossiers } from "../retention/purge-dossiers";
import { buildSampleZip, sampleDocumentReport } from "../results/testing/sample-result";
import { inconclusiveProcess, inconclusiveZipEntries, seedSampleProcess } from "../results/testing/seed-sample";
import { OnfidoReportSchema } from "../onfido/report-schemas";
import { backfillFindings, FINDINGS_BACKFILL_JOB } from "./backfill-findings";
import { extractFindings } from "./extract-findings";
import { replaceFindings } from "./store-findings";

let database: TestDatabase;
let server: TestServer;
let zip: Uint8Array;

beforeAll(async () => {
  database = await createTestDatabase();
  zip = await buildSampleZip(inconclusiveZipEntries(inconclusiveProcess()));
  server = await startAssureTestServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/zip" });
    response.end(Buffer.from(zip));
  });
});
afterAll(async () => {
  await server.close();
  await database.dispose();
});

const findingsOf = (processId: string) =>
  database.db.select().from(processFindings).where(eq(processFindings.processId, processId)).orderBy(asc(processFindings.path));

describe("findings at ingest", () => {
  it("the result stage stores the zip's findings beside it", async () => {
    const process = inconclusiveProcess();
    const dossierId = crypto.randomUUID();
    await upsertProcess(database.db, { dossierId, process });
    const assure = createAssureClient(testConfig(server.url));
    expect(await storeResult(database.db, assure, dossierId, String(process.processId))).toBe("stored");

    const rows = await findingsOf(String(process.processId));
    expect(rows.find((r) => r.path === "document.visual_authenticity.original_document_present")).toMatchObject({
      result: "consider",
      depth: 2,
      properties: { photo_of_screen: "consider" },
    });
    expect(rows.find((r) => r.path === "facial_similarity_photo.face_comparison.face_match")).toMatchObject({ result: "consider", score: 0.31 });
    expect(rows.find((r) => r.path === "document")?.properties).toEqual({ document_type: "passport", issuing_country: "NOR" });
    // The process became final when the desk first stored it so: Assure's updatedAt of that copy.
    const [row] = await database.db.select({ finalAt: processes.finalAt }).from(processes).where(eq(processes.processId, String(process.processId)));
    expect(row?.finalAt?.toISOString()).toBe("2019-09-23T10:09:49.000Z");
  });

  it("a sync's download of a held zip replaces its findings: checks clear in the new zip lose their rows", async () => {
    const process = inconclusiveProcess();
    const processId = String(process.processId);
    const dossierId = crypto.randomUUID();
    await upsertProcess(database.db, { dossierId, process });
    const assure = createAssureClient(testConfig(server.url));
    expect(await storeResult(database.db, assure, dossierId, processId)).toBe("stored");
    const flagged = "document.visual_authenticity.original_document_present";
    expect((await findingsOf(processId)).map((r) => r.path)).toContain(flagged);

    const served = zip;
    try {
      zip = await buildSampleZip([
        { path: "process.json", content: process },
        { path: "onfido/reports/document.json", content: sampleDocumentReport({ flags: { "image_integrity.image_quality": ["blurred_photo"] } }) },
      ]);
      expect(await downloadResult(database.db, assure, dossierId, processId)).toBe("stored");
    } finally {
      zip = served;
    }
    const paths = (await findingsOf(processId)).map((r) => r.path);
    expect(paths).toContain("document.image_integrity.image_quality");
    expect(paths).not.toContain(flagged);
    expect(paths).not.toContain("facial_similarity_photo");
  });

  it("findings:backfill fills zips stored before, resumably, and a purge leaves findings alone", async () => {
    const seeded = [await seedSampleProcess(database.db), await seedSampleProcess(database.db), await seedSampleProcess(database.db)];
    for (const s of seeded) expect(await findingsOf(s.processId)).toEqual([]);

    // Batches of one: the position is saved after each, and the last batch says it is finished.
    let batches = 0;
    let progress;
    do {
      progress = await backfillFindings(database.db, { batchSize: 1 });
      batches += 1;
    } while (!progress.finished && batches < 20);
    expect(progress.finished).toBe(true);
    for (const s of seeded) {
      const paths = (await findingsOf(s.processId)).map((r) => r.path);
      expect(paths).toEqual(expect.arrayContaining(["document", "facial_similarity_photo", "document.visual_authenticity.original_document_present"]));
    }
    const [job] = await database.db.select().from(maintenanceJobs).where(eq(maintenanceJobs.name, FINDINGS_BACKFILL_JOB));
    expect(job?.finishedAt).toBeInstanceOf(Date);
    // A second run finds nothing left to do.
    expect(await backfillFindings(database.db)).toMatchObject({ examined: 0, finished: true });

    const before = await findingsOf(seeded[0]!.processId);
    await database.db.transaction((tx) => purgeDossiers(tx, [seeded[0]!.dossierId], "retention"));
    const [purged] = await database.db.select({ purgedAt: processes.purgedAt }).from(processes).where(eq(processes.processId, seeded[0]!.processId));
    expect(purged?.purgedAt).toBeInstanceOf(Date);
    expect(await findingsOf(seeded[0]!.processId)).toEqual(before);
  });

  it("a zip stored again replaces its findings whole: changed checks updated, checks now clear gone", async () => {
    const { processId } = await seedSampleProcess(database.db);
    const report = (flags: Record<string, string[]>) => OnfidoReportSchema.parse(sampleDocumentReport({ flags }));
    await replaceFindings(database.db, processId, [report({ "image_integrity.image_quality": ["blurred_photo"], "visual_authenticity.fonts": ["fonts"] })]);
    const first = await findingsOf(processId);
    expect(first.find((r) => r.path === "document.image_integrity.image_quality")?.properties).toEqual({ blurred_photo: "consider" });

    await replaceFindings(database.db, processId, [report({ "image_integrity.image_quality": ["glare_on_photo"] })]);
    const second = await findingsOf(processId);
    expect(second.find((r) => r.path === "document.image_integrity.image_quality")?.properties).toEqual({ glare_on_photo: "consider" });
    expect(second.map((r) => r.path)).not.toContain("document.visual_authenticity.fonts");
    expect(second.map((r) => r.path)).toEqual(extractFindings([report({ "image_integrity.image_quality": ["glare_on_photo"] })]).map((f) => f.path).sort());

    expect(await replaceFindings(database.db, processId, [])).toBe(0);
    expect(await findingsOf(processId)).toEqual([]);
  });

  it("writes no finding for a process the desk does not hold, and a deleted process takes its findings along", async () => {
    const report = OnfidoReportSchema.parse(sampleDocumentReport({ flags: { "image_integrity.image_quality": ["blurred_photo"] } }));
    const unknown = crypto.randomUUID();
    await replaceFindings(database.db, unknown, [report]);
    expect(await findingsOf(unknown)).toEqual([]);

    // Deleted on its own, and with its dossier (the dossier's foreign key deletes the process).
    const alone = await seedSampleProcess(database.db);
    const withDossier = await seedSampleProcess(database.db);
    const kept = await seedSampleProcess(database.db);
    for (const { processId } of [alone, withDossier, kept]) {
      await replaceFindings(database.db, processId, [report]);
      expect(await findingsOf(processId)).not.toEqual([]);
    }
    await database.db.delete(processes).where(eq(processes.processId, alone.processId));
    await database.db.delete(dossiers).where(eq(dossiers.dossierId, withDossier.dossierId));
    expect(await findingsOf(alone.processId)).toEqual([]);
    expect(await findingsOf(withDossier.processId)).toEqual([]);
    expect(await findingsOf(kept.processId)).not.toEqual([]);
  });

  it("a truncated processes table leaves no findings behind", async () => {
    const own = await createTestDatabase();
    try {
      const { processId } = await seedSampleProcess(own.db);
      await replaceFindings(own.db, processId, [OnfidoReportSchema.parse(sampleDocumentReport({ flags: {} }))]);
      expect(await own.db.$count(processFindings)).toBeGreaterThan(0);
      await own.db.execute(sql`truncate processes cascade`);
      expect(await own.db.$count(processFindings)).toBe(0);
    } finally {
      await own.dispose();
    }
  });
});
