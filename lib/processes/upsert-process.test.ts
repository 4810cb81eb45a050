import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, processes } from "../../db/schema";
import { loadExample, loadExampleProcesses } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { InvalidInput } from "../errors";
import { upsertProcess, upsertProcesses } from "./upsert-process";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/** A copy of an example with ids of its own, so tests never share rows. */
function freshExample(name: string, changes: Record<string, unknown> = {}): Record<string, unknown> & { processId: string } {
  return { ...loadExample(name), ...changes, processId: randomUUID() };
}

async function stored(processId: string) {
  const [row] = await database.db.select().from(processes).where(eq(processes.processId, processId));
  return row;
}

describe("upsertProcess", () => {
  it.each(loadExampleProcesses().map((e) => [e.name]))("stores Signicat's %s example", async (name) => {
    const process = freshExample(name);
    const dossierId = randomUUID();
    const result = await upsertProcess(database.db, { dossierId, process });
    expect(result).toMatchObject({ outcome: "inserted", dossierId, status: process.status });
    const row = await stored(process.processId);
    expect(row?.status).toBe(process.status);
    expect(row?.dossierId).toBe(dossierId);
    expect(row?.raw.processId).toBe(process.processId);
  });

  it("extracts the look-up columns of an accepted process from finalResult", async () => {
    const process = freshExample("accepted");
    await upsertProcess(database.db, { dossierId: randomUUID(), process });
    const row = await stored(process.processId);
    expect(row).toMatchObject({
      firstName: "MARIA PAULA",
      lastName: "SANTOS MENDES",
      nameSearch: "maria paula santos mendes",
      documentNumber: "1234567890",
      dateOfBirth: "2002-04-29",
      nationality: "PRT",
      issuingCountry: "PRT",
      documentType: "identityCard",
      createdAt: new Date("2019-09-19T22:10:56Z"),
      updatedAt: new Date("2019-09-19T22:11:23Z"),
    });
    expect(row?.finalResult).toMatchObject({ similarityScore: "high" });
    expect(row?.providerSpecific).toHaveProperty("documentVerification.mrzLine1");
  });

  it("falls back to the document verification when there is no finalResult", async () => {
    const process = freshExample("inconclusive");
    await upsertProcess(database.db, { dossierId: randomUUID(), process });
    expect(await stored(process.processId)).toMatchObject({
      firstName: "LAERKE OEYVOR AASE",
      lastName: "SPECIMEN",
      documentNumber: "00000000",
      issuingCountry: "NOR",
      finalResult: null,
    });
  });

  it("reads the document type of a rejected process from its document verification", async () => {
    const documentVerification = { result: "consider", subResult: "rejected", documentType: "passport", documentNumber: "BB1212920" };
    const process = freshExample("rejected", { providerSpecific: { documentVerification } });
    await upsertProcess(database.db, { dossierId: randomUUID(), process });
    expect(await stored(process.processId)).toMatchObject({ status: "rejected", documentType: "passport", documentNumber: "BB1212920" });

    // Assure's "unknown" is no document type: the filter must not offer it as one.
    const unknown = freshExample("rejected");
    await upsertProcess(database.db, { dossierId: randomUUID(), process: unknown });
    expect((await stored(unknown.processId))?.documentType).toBeNull();
  });

  it("keeps look-up fields a later copy of the process lacks (filled from the stored result)", async () => {
    const process = freshExample("inconclusive", { providerSpecific: {} });
    const dossierId = randomUUID();
    await upsertProcess(database.db, { dossierId, process });
    await database.db.update(processes).set({ documentType: "passport", firstName: "ANA" }).where(eq(processes.processId, process.processId));
    await upsertProcess(database.db, { dossierId, process });
    expect(await stored(process.processId)).toMatchObject({ documentType: "passport", firstName: "ANA" });
  });

  it("folds accents for search and keeps failReason apart", async () => {
    const accented = freshExample("accepted", {
      finalResult: { ...(loadExample("accepted").finalResult as object), firstName: "JOÃO", lastName: "MÜLLER-ŁUKASZ" },
    });
    await upsertProcess(database.db, { dossierId: randomUUID(), process: accented });
    expect((await stored(accented.processId))?.nameSearch).toBe("joao muller-lukasz");

    const failed = freshExample("failed");
    await upsertProcess(database.db, { dossierId: randomUUID(), process: failed });
    const row = await stored(failed.processId);
    expect(row?.failReasonType).toBe("upload_failed");
    expect(row?.failReasonMessage).toMatch(/Multiple faces/);
  });

  it("keeps unknown fields in the raw object and copes with missing ones", async () => {
    const process = { ...freshExample("accepted"), riskScore: 0.42, newBlock: { nested: [1, 2] } };
    await upsertProcess(database.db, { dossierId: randomUUID(), process });
    expect((await stored(process.processId))?.raw).toMatchObject({ riskScore: 0.42, newBlock: { nested: [1, 2] } });

    const bare = { processId: randomUUID(), status: "pending" };
    await upsertProcess(database.db, { dossierId: randomUUID(), process: bare });
    const row = await stored(bare.processId);
    expect(row).toMatchObject({ provider: null, processType: null, firstName: null, status: "pending" });
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  it("never stores the end-user's SDK token", async () => {
    const process = freshExample("created");
    await upsertProcess(database.db, { dossierId: randomUUID(), process });
    expect((await stored(process.processId))?.raw.authorization).toBe("[redacted]");
  });

  it.each([
    ["not an object", "hello"],
    ["no processId", { status: "accepted" }],
    ["an unknown status", { processId: randomUUID(), status: "approved" }],
    ["a bad timestamp", { processId: randomUUID(), status: "pending", createdAt: "yesterday" }],
  ])("refuses %s with a clear error and writes nothing", async (_label, value) => {
    const before = await database.query<{ n: number }>("select count(*)::int as n from processes");
    const error = await upsertProcess(database.db, { dossierId: randomUUID(), process: value }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as Error).message).toMatch(/^Not an Assure process object: /);
    expect(await database.query("select count(*)::int as n from processes")).toEqual(before);
  });

  it("refuses a process that names another dossier", async () => {
    const process = freshExample("accepted", { dossierId: "dossier-a" });
    await expect(upsertProcess(database.db, { dossierId: "dossier-b", process })).rejects.toThrow(/belongs to dossier/);
  });

  describe("ordering", () => {
    it("updates with a newer object and ignores an older one", async () => {
      const dossierId = randomUUID();
      const processId = randomUUID();
      const base = { processId, provider: "onfido", processType: "document", createdAt: "2024-01-01T10:00:00Z" };
      await upsertProcess(database.db, { dossierId, process: { ...base, status: "pending", updatedAt: "2024-01-01T10:00:00Z" } });
      const newer = await upsertProcess(database.db, {
        dossierId,
        process: { ...base, status: "processing", updatedAt: "2024-01-01T10:01:00Z" },
      });
      expect(newer.outcome).toBe("updated");
      const older = await upsertProcess(database.db, {
        dossierId,
        process: { ...base, status: "pending", updatedAt: "2024-01-01T10:00:30Z" },
      });
      expect(older.outcome).toBe("stale");
      expect((await stored(processId))?.status).toBe("processing");
    });

    it("never moves a final status back to a non-final one", async () => {
      const dossierId = randomUUID();
      const process = freshExample("rejected");
      await upsertProcess(database.db, { dossierId, process });
      const regress = await upsertProcess(database.db, {
        dossierId,
        process: { ...process, status: "processing", updatedAt: "2030-01-01T00:00:00Z" },
      });
      expect(regress.outcome).toBe("stale");
      expect((await stored(process.processId))?.status).toBe("rejected");
    });

    it("keeps the retry link when a later sync does not know it", async () => {
      const dossierId = randomUUID();
      const original = freshExample("failed");
      const retry = freshExample("created");
      await upsertProcess(database.db, { dossierId, process: original });
      await upsertProcess(database.db, { dossierId, process: retry, retryOfProcessId: original.processId });
      await upsertProcess(database.db, {
        dossierId,
        process: { ...retry, status: "accepted", updatedAt: "2030-01-01T00:00:00Z" },
      });
      expect((await stored(retry.processId))?.retryOfProcessId).toBe(original.processId);
    });
  });

  describe("the dossier", () => {
    const dossierOf = async (dossierId: string) => (await database.db.select().from(dossiers).where(eq(dossiers.dossierId, dossierId)))[0];

    it("is created with the first process and counts each process once, however often it is written", async () => {
      const dossierId = randomUUID();
      const first = freshExample("accepted", { updatedAt: "2024-05-01T10:00:00Z" });
      const second = freshExample("rejected", { updatedAt: "2024-05-03T10:00:00Z" });
      await upsertProcess(database.db, { dossierId, process: first });
      expect(await dossierOf(dossierId)).toMatchObject({ processCount: 1, lastActivityAt: new Date("2024-05-01T10:00:00Z") });

      await upsertProcess(database.db, { dossierId, process: second });
      expect(await upsertProcess(database.db, { dossierId, process: { ...first, updatedAt: "2024-05-02T10:00:00Z" } })).toMatchObject({ outcome: "updated" });
      expect(await upsertProcess(database.db, { dossierId, process: { ...first, updatedAt: "2024-04-01T10:00:00Z" } })).toMatchObject({ outcome: "stale" });
      const dossier = await dossierOf(dossierId);
      // Two processes; activity is the newest process's, not the last one written.
      expect(dossier).toMatchObject({ processCount: 2, lastActivityAt: new Date("2024-05-03T10:00:00Z") });
    });

    it("is touched by a stale write (synced now) but keeps its count", async () => {
      const dossierId = randomUUID();
      const process = freshExample("accepted", { updatedAt: "2024-05-02T10:00:00Z" });
      await upsertProcess(database.db, { dossierId, process, syncedAt: new Date("2024-06-01T00:00:00Z") });
      await upsertProcess(database.db, { dossierId, process: { ...process, updatedAt: "2024-05-01T00:00:00Z" }, syncedAt: new Date("2024-06-02T00:00:00Z") });
      expect(await dossierOf(dossierId)).toMatchObject({ processCount: 1, lastSyncedAt: new Date("2024-06-02T00:00:00Z") });
    });

    it("counts a process once when two writers insert it at the same moment", async () => {
      const dossierId = randomUUID();
      const process = freshExample("accepted");
      const outcomes = await Promise.all([1, 2, 3].map(() => upsertProcess(database.db, { dossierId, process })));
      expect(outcomes.filter((o) => o.outcome === "inserted")).toHaveLength(1);
      expect((await dossierOf(dossierId))?.processCount).toBe(1);
    });
  });

  describe("many at once (upsertProcesses)", () => {
    const dossierOf = async (dossierId: string) => (await database.db.select().from(dossiers).where(eq(dossiers.dossierId, dossierId)))[0];

    it("answers each input in order: inserted, updated, stale, or its own refusal, and counts each dossier's new processes", async () => {
      const [one, two] = [randomUUID(), randomUUID()];
      const existing = freshExample("accepted", { updatedAt: "2024-05-01T10:00:00Z" });
      await upsertProcess(database.db, { dossierId: one, process: existing });
      const a = freshExample("accepted", { updatedAt: "2024-05-04T10:00:00Z" });
      const b = freshExample("rejected", { updatedAt: "2024-05-02T10:00:00Z" });
      const c = freshExample("inconclusive", { updatedAt: "2024-05-03T10:00:00Z" });
      const outcomes = await upsertProcesses(database.db, [
        { dossierId: one, process: a },
        { dossierId: one, process: { ...existing, status: "rejected", updatedAt: "2024-05-02T10:00:00Z" } },
        { dossierId: two, process: { ...b, dossierId: one } },
        { dossierId: two, process: b },
        { dossierId: one, process: { ...existing, updatedAt: "2024-04-01T10:00:00Z" } },
        { dossierId: two, process: c },
      ]);
      expect(outcomes.map((o) => (o instanceof InvalidInput ? "refused" : o.outcome))).toEqual(["inserted", "updated", "refused", "inserted", "stale", "inserted"]);
      expect((outcomes[0] as { processId: string }).processId).toBe(a.processId);
      expect(await dossierOf(one)).toMatchObject({ processCount: 2, lastActivityAt: new Date("2024-05-04T10:00:00Z") });
      expect(await dossierOf(two)).toMatchObject({ processCount: 2, lastActivityAt: new Date("2024-05-03T10:00:00Z") });
      expect((await stored(existing.processId))?.status).toBe("rejected");
      expect((await stored(c.processId))?.nameSearch).toBe((await upsertAlone(c))?.nameSearch);
    });

    it("writes the same process twice in one batch in the order given", async () => {
      const dossierId = randomUUID();
      const process = freshExample("accepted", { status: "processing", updatedAt: "2024-05-01T10:00:00Z" });
      const outcomes = await upsertProcesses(database.db, [
        { dossierId, process },
        { dossierId, process: { ...process, status: "accepted", updatedAt: "2024-05-01T10:05:00Z" } },
        { dossierId, process: { ...process, status: "processing", updatedAt: "2024-05-01T10:06:00Z" } },
      ]);
      expect(outcomes.map((o) => (o instanceof InvalidInput ? "refused" : o.outcome))).toEqual(["inserted", "updated", "stale"]);
      expect(await stored(process.processId)).toMatchObject({ status: "accepted", finalAt: new Date("2024-05-01T10:05:00Z") });
      expect((await dossierOf(dossierId))?.processCount).toBe(1);
    });
  });
});

/** What the single-process path stores for this process (a copy under another id), to compare the batch's columns with. */
async function upsertAlone(process: Record<string, unknown> & { processId: string }) {
  const copy = { ...process, processId: randomUUID() };
  await upsertProcess(database.db, { dossierId: randomUUID(), process: copy });
  return stored(copy.processId);
}
