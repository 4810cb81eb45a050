import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, identityLinks, processes } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { listProcesses } from "../processes/list-processes";
import { upsertProcess } from "../processes/upsert-process";
import { purgeDossiers } from "../retention/purge-dossiers";
import { countLinkedDossiers, getIdentityLinks } from "./identity-links";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

interface Person {
  firstName?: string;
  lastName?: string;
  documentNumber?: string;
  issuingCountry?: string;
  dateOfBirth?: string;
}

/** Stores an accepted process for `person` in `dossierId` (a new dossier unless given); returns the ids. */
async function store(person: Person, options: { dossierId?: string; status?: string; createdAt?: string } = {}) {
  const dossierId = options.dossierId ?? randomUUID();
  const example = loadExample("accepted");
  const process = {
    ...example,
    processId: randomUUID(),
    status: options.status ?? "accepted",
    createdAt: options.createdAt ?? example.createdAt,
    updatedAt: options.createdAt ?? example.updatedAt,
    finalResult: { documentType: "passport", nationality: "PRT", ...person },
    providerSpecific: {},
  };
  await upsertProcess(database.db, { dossierId, process });
  return { dossierId, processId: process.processId };
}

/** A document number and a name no other test uses. */
function unique() {
  const tag = randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
  return { documentNumber: `X${tag}`, lastName: `Doe${tag.replace(/[0-9]/g, "")}` };
}

describe("identity links", () => {
  it("links two dossiers holding the same document number of the same country, however it was typed", async () => {
    const { documentNumber, lastName } = unique();
    const a = await store({ documentNumber, issuingCountry: "PRT", firstName: "Ana", lastName, dateOfBirth: "1990-01-01" });
    const spaced = `${documentNumber.slice(0, 4).toLowerCase()} ${documentNumber.slice(4, 7)}-${documentNumber.slice(7)}<<`;
    const b = await store({ documentNumber: spaced, issuingCountry: "prt", firstName: "Bruno", lastName: "Other", dateOfBirth: "1970-05-05" });

    const fromA = await getIdentityLinks(database.db, { dossierId: a.dossierId }, true);
    expect(fromA.linked).toEqual([{ dossierId: b.dossierId, status: "accepted", matches: ["document"] }]);
    const fromB = await getIdentityLinks(database.db, { dossierId: b.dossierId, processId: b.processId }, true);
    expect(fromB.linked.map((l) => l.dossierId)).toEqual([a.dossierId]);
  });

  it("links the same name and date of birth written with other accents and case", async () => {
    const { lastName } = unique();
    const a = await store({ firstName: "José", lastName: `Müller-${lastName}`, dateOfBirth: "1985-03-02", issuingCountry: "DEU", documentNumber: unique().documentNumber });
    const b = await store({ firstName: "JOSE", lastName: `MULLER-${lastName.toUpperCase()}`, dateOfBirth: "1985-03-02", issuingCountry: "AUT", documentNumber: unique().documentNumber });
    const c = await store({ firstName: "José", lastName: `Müller-${lastName}`, dateOfBirth: "1985-03-03", issuingCountry: "DEU", documentNumber: unique().documentNumber });

    const view = await getIdentityLinks(database.db, { dossierId: a.dossierId }, true);
    expect(view.linked).toEqual([{ dossierId: b.dossierId, status: "accepted", matches: ["name_birth_date"] }]);
    expect((await getIdentityLinks(database.db, { dossierId: c.dossierId }, true)).linked).toEqual([]);
  });

  it("does not link the same number issued by another country, nor processes of one dossier", async () => {
    const { documentNumber } = unique();
    const a = await store({ documentNumber, issuingCountry: "PRT", lastName: unique().lastName });
    await store({ documentNumber, issuingCountry: "ESP", lastName: unique().lastName });
    await store({ documentNumber, issuingCountry: "PRT", lastName: unique().lastName }, { dossierId: a.dossierId });
    expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked).toEqual([]);
  });

  it("shows support that a link exists and the other dossier, not what matched", async () => {
    const { documentNumber } = unique();
    const a = await store({ documentNumber, issuingCountry: "PRT" });
    const b = await store({ documentNumber, issuingCountry: "PRT" });
    const view = await getIdentityLinks(database.db, { dossierId: a.dossierId }, false);
    expect(view.linked).toEqual([{ dossierId: b.dossierId, status: "accepted", matches: null }]);
  });

  it("links a process whose look-up columns are filled later (the result stage)", async () => {
    const { documentNumber } = unique();
    const a = await store({ documentNumber, issuingCountry: "FRA" });
    const b = await store({ issuingCountry: "FRA" });
    expect((await getIdentityLinks(database.db, { dossierId: b.dossierId }, true)).linked).toEqual([]);
    await database.db.update(processes).set({ documentNumber }).where(eq(processes.processId, b.processId));
    expect((await getIdentityLinks(database.db, { dossierId: b.dossierId }, true)).linked.map((l) => l.dossierId)).toEqual([a.dossierId]);
  });

  it("unlinks a purged dossier: a tombstone links to nothing, and nothing links to it", async () => {
    const { documentNumber, lastName } = unique();
    const person = { documentNumber, issuingCountry: "ITA", firstName: "Lucia", lastName, dateOfBirth: "2000-12-31" };
    const a = await store(person);
    const b = await store(person);
    const c = await store(person);
    expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked).toHaveLength(2);

    await database.db.transaction((tx) => purgeDossiers(tx, [b.dossierId], "erasure"));
    expect((await getIdentityLinks(database.db, { dossierId: b.dossierId }, true)).linked).toEqual([]);
    expect(await database.db.select().from(identityLinks).where(eq(identityLinks.otherDossierId, b.dossierId))).toEqual([]);
    const fromA = await getIdentityLinks(database.db, { dossierId: a.dossierId }, true);
    expect(fromA.linked).toEqual([{ dossierId: c.dossierId, status: "accepted", matches: ["document", "name_birth_date"] }]);
  });

  it("unlinks every process a statement purges, in one go, whichever statement purges", async () => {
    const { documentNumber, lastName } = unique();
    const person = { documentNumber, issuingCountry: "ESP", firstName: "Rosa", lastName, dateOfBirth: "1966-06-06" };
    const [a, b, c, d] = [await store(person), await store(person), await store(person), await store(person)];
    expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked).toHaveLength(3);

    // One batch of the retention purge: both dossiers' links go, on both sides.
    await database.db.transaction((tx) => purgeDossiers(tx, [b.dossierId, c.dossierId], "retention"));
    for (const gone of [b, c]) {
      expect(await database.db.select().from(identityLinks).where(eq(identityLinks.processId, gone.processId))).toEqual([]);
      expect(await database.db.select().from(identityLinks).where(eq(identityLinks.otherProcessId, gone.processId))).toEqual([]);
    }
    expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked.map((l) => l.dossierId)).toEqual([d.dossierId]);

    // Any statement that makes a tombstone unlinks it too: the database keeps the links, not the purge's code.
    await database.db
      .update(processes)
      .set({ purgedAt: new Date(), purgeReason: "erasure", documentNumber: null, nameSearch: null, dateOfBirth: null })
      .where(eq(processes.processId, d.processId));
    expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked).toEqual([]);
    expect(await database.db.select().from(identityLinks).where(eq(identityLinks.otherProcessId, d.processId))).toEqual([]);
  });

  it("flags three rejected or failed processes within 30 days as repeated attempts", async () => {
    const dossierId = randomUUID();
    await store({}, { dossierId, status: "rejected", createdAt: "2026-01-01T10:00:00Z" });
    await store({}, { dossierId, status: "failed", createdAt: "2026-01-20T10:00:00Z" });
    await store({}, { dossierId, status: "accepted", createdAt: "2026-01-21T10:00:00Z" });
    expect((await getIdentityLinks(database.db, { dossierId }, true)).repeatedAttempts).toBe(false);
    await store({}, { dossierId, status: "rejected", createdAt: "2026-01-30T10:00:00Z" });
    expect((await getIdentityLinks(database.db, { dossierId }, true)).repeatedAttempts).toBe(true);

    const spread = randomUUID();
    for (const createdAt of ["2026-01-01T10:00:00Z", "2026-02-15T10:00:00Z", "2026-04-01T10:00:00Z"]) {
      await store({}, { dossierId: spread, status: "failed", createdAt });
    }
    const [row] = await database.db.select({ flag: dossiers.repeatedAttempts }).from(dossiers).where(eq(dossiers.dossierId, spread));
    expect(row?.flag).toBe(false);
  });

  it("finds linked processes with the queue's Linked filter, and counts linked dossiers", async () => {
    const before = await countLinkedDossiers(database.db);
    const { documentNumber } = unique();
    const a = await store({ documentNumber, issuingCountry: "NLD" });
    const lonely = await store({ documentNumber: unique().documentNumber, issuingCountry: "NLD" });
    const b = await store({ documentNumber, issuingCountry: "NLD" });
    const page = await listProcesses(database.db, { filters: { linked: true, country: "NLD" }, limit: 100 });
    const ids = page.items.map((item) => item.processId);
    expect(ids).toEqual(expect.arrayContaining([a.processId, b.processId]));
    expect(ids).not.toContain(lonely.processId);
    expect(page.items.find((item) => item.processId === a.processId)?.linked).toBe(true);
    const after = await countLinkedDossiers(database.db);
    expect(after.linked - before.linked).toBe(2);
  });
});
