import { randomUUID } from "node:crypto";
import { and, eq, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Tx } from "../../db/client";
import { dossiers, identityLinks, processes } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../../tests/support/test-database";
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
async function store(person: Person, options: { dossierId?: string; status?: string; createdAt?: string } = {}, db: Db | Tx = database.db) {
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
  await upsertProcess(db, { dossierId, process });
  return { dossierId, processId: process.processId };
}

/** The links of a process, either direction, with the transaction that wrote each row (`xmin`). */
async function linkRows(processId: string) {
  return database.db
    .select({
      processId: identityLinks.processId,
      otherProcessId: identityLinks.otherProcessId,
      match: identityLinks.match,
      writtenBy: sql<string>`${identityLinks}.xmin::text`,
    })
    .from(identityLinks)
    .where(or(eq(identityLinks.processId, processId), eq(identityLinks.otherProcessId, processId)))
    .orderBy(identityLinks.match, identityLinks.processId, identityLinks.otherProcessId);
}

/**
 * Stores two processes of `person` in two transactions at once: the second stores while the first has
 * stored and not committed yet, and the first commits only once the second waits for it (on the
 * trigger's advisory lock; after 10 s it commits anyway, and a missing lock shows as a missing link).
 */
async function storeTwiceAtOnce(person: Person) {
  let firstMayCommit!: () => void;
  const mayCommit = new Promise<void>((resolve) => (firstMayCommit = resolve));
  let firstStored!: () => void;
  const stored = new Promise<void>((resolve) => (firstStored = resolve));
  const first = database.db.transaction(async (tx) => {
    const ids = await store(person, {}, tx);
    firstStored();
    await mayCommit;
    return ids;
  });
  await stored;
  const second = database.db.transaction((tx) => store(person, {}, tx));
  for (let waited = 0; waited < 10_000; waited += 50) {
    const [row] = await database.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_locks
        where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
    );
    if ((row?.waiting ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  firstMayCommit();
  return Promise.all([first, second]);
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

  it("re-links only what a changed name touches: the document's links stay as they were", async () => {
    const { documentNumber, lastName } = unique();
    const a = await store({ documentNumber, issuingCountry: "BEL", firstName: "Ada", lastName, dateOfBirth: "1991-04-04" });
    const b = await store({ documentNumber, issuingCountry: "BEL", firstName: "Ada", lastName, dateOfBirth: "1991-04-04" });
    const c = await store({ documentNumber: unique().documentNumber, issuingCountry: "BEL", firstName: "Other", lastName, dateOfBirth: "1991-04-04" });
    const before = await linkRows(b.processId);
    expect(before.map((l) => l.match)).toEqual(["document", "document", "name_birth_date", "name_birth_date"]);

    await database.db.update(processes).set({ nameSearch: `other ${lastName.toLowerCase()}` }).where(eq(processes.processId, b.processId));
    const after = await linkRows(b.processId);
    const documentLinks = (rows: typeof before) => rows.filter((l) => l.match === "document");
    expect(documentLinks(after)).toEqual(documentLinks(before)); // the same rows, not deleted and inserted again
    const nameLinks = after.filter((l) => l.match === "name_birth_date").map((l) => `${l.processId} → ${l.otherProcessId}`);
    expect(nameLinks.sort()).toEqual([`${b.processId} → ${c.processId}`, `${c.processId} → ${b.processId}`].sort());
    const fromA = await getIdentityLinks(database.db, { dossierId: a.dossierId }, true);
    expect(fromA.linked).toEqual([{ dossierId: b.dossierId, status: "accepted", matches: ["document"] }]);
  });

  it("moves the links of a process whose document number changes, and keeps them when nothing it is linked by changes", async () => {
    const first = unique().documentNumber;
    const second = unique().documentNumber;
    const a = await store({ documentNumber: first, issuingCountry: "AUT" });
    const b = await store({ documentNumber: first, issuingCountry: "AUT" });
    const c = await store({ documentNumber: second, issuingCountry: "AUT" });
    await database.db.update(processes).set({ documentNumber: second }).where(eq(processes.processId, b.processId));
    expect((await getIdentityLinks(database.db, { dossierId: b.dossierId }, true)).linked.map((l) => l.dossierId)).toEqual([c.dossierId]);
    expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked).toEqual([]);

    const links = await linkRows(b.processId);
    await database.db.update(processes).set({ status: "rejected", firstName: "Renamed" }).where(eq(processes.processId, b.processId));
    expect(await linkRows(b.processId)).toEqual(links);
  });

  it("derives a process's links again by hand with identity_links_refresh", async () => {
    const { documentNumber, lastName } = unique();
    const person = { documentNumber, issuingCountry: "LUX", firstName: "Rui", lastName, dateOfBirth: "1979-09-09" };
    await store(person);
    const b = await store(person);
    const links = (await linkRows(b.processId)).map(({ writtenBy: _, ...link }) => link);
    expect(links).toHaveLength(4);
    await database.db
      .delete(identityLinks)
      .where(and(eq(identityLinks.processId, b.processId), eq(identityLinks.match, "document")));
    await database.db.execute(sql`select identity_links_refresh(${b.processId})`);
    expect((await linkRows(b.processId)).map(({ writtenBy: _, ...link }) => link)).toEqual(links);
  });

  it.skipIf(!testServerUrl)("links two processes of one person stored at the same time, by document and by name (PostgreSQL)", async () => {
    const { documentNumber, lastName } = unique();
    for (const [person, match] of [
      [{ documentNumber, issuingCountry: "PRT" }, "document"],
      [{ firstName: "Inês", lastName, dateOfBirth: "1988-08-08" }, "name_birth_date"],
    ] as const) {
      const [a, b] = await storeTwiceAtOnce(person);
      expect((await getIdentityLinks(database.db, { dossierId: a.dossierId }, true)).linked).toEqual([{ dossierId: b.dossierId, status: "accepted", matches: [match] }]);
      expect((await getIdentityLinks(database.db, { dossierId: b.dossierId }, true)).linked).toEqual([{ dossierId: a.dossierId, status: "accepted", matches: [match] }]);
    }
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
