import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { InvalidInput } from "../errors";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import { COUNT_CAP } from "../processes/status-counts-types";
import { countDossiers } from "./count-dossiers";
import { DOSSIER_SORTS } from "./dossier-list-query";
import { listDossiers } from "./list-dossiers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("listDossiers", () => {
  it("pages by keyset in each sort and shows who each dossier is", async () => {
    const day = uniqueDay();
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await seedProcesses(database.db, day, [
      { dossierId: ids[0], updated: 10, firstName: "ZOË", lastName: "MÜLLER" },
      { dossierId: ids[0], updated: 50, status: "failed" },
      { dossierId: ids[1], updated: 20 },
      { dossierId: ids[2], updated: 30 },
      { dossierId: ids[3], updated: 30 },
      { dossierId: ids[4], updated: 40 },
    ]);
    const filters = { from: day, to: day };
    for (const sort of DOSSIER_SORTS) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listDossiers>> = await listDossiers(database.db, { filters, sort, limit: 2, cursor });
        seen.push(...page.items.map((i) => i.dossierId));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (await listDossiers(database.db, { filters, sort, limit: 50 })).items;
      expect(seen).toEqual(all.map((i) => i.dossierId));
      expect(new Set(seen)).toEqual(new Set(ids));
    }
    const newest = (await listDossiers(database.db, { filters, limit: 1 })).items[0];
    expect(newest).toMatchObject({ dossierId: ids[0], processCount: 2, firstName: "ZOË", lastName: "MÜLLER", latestStatus: "failed" });
  });

  it("looks up dossiers by a process's name, document number, date of birth or id, and by their own id", async () => {
    const day = uniqueDay();
    const [joao, other] = await seedProcesses(database.db, day, [
      { firstName: "JOÃO", lastName: "CONCEIÇÃO", documentNumber: "X123456", dateOfBirth: "1990-01-02" },
      { firstName: "ANA", lastName: "SILVA" },
    ]);
    const find = async (q: string) =>
      (await listDossiers(database.db, { filters: { q, from: day, to: day } })).items.map((i) => i.dossierId);
    expect(await find("conceicao")).toEqual([joao!.dossierId]);
    expect(await find("x1234")).toEqual([joao!.dossierId]);
    expect(await find("02.01.1990")).toEqual([joao!.dossierId]);
    expect(await find(joao!.processId.slice(0, 9))).toEqual([joao!.dossierId]);
    expect(await find(other!.dossierId.slice(0, 9))).toEqual([other!.dossierId]);
    expect(await countDossiers(database.db, { q: "conceicao", from: day, to: day })).toEqual({ count: 1, capped: false });
    await expect(find("jo")).rejects.toBeInstanceOf(InvalidInput);
  });

  it("counts the dossiers of a look-up that matches very many processes as a lower bound", async () => {
    const day = uniqueDay();
    const [a, b] = [randomUUID(), randomUUID()];
    await database.query("insert into dossiers (dossier_id, last_activity_at) values ($1, $3), ($2, $3)", [a, b, `${day}T12:00:00Z`]);
    await database.query(
      `insert into processes (process_id, dossier_id, status, raw, created_at, updated_at, name_search)
       select $1 || g, case when g % 2 = 0 then $2 else $3 end, 'accepted', '{}', $4, $4, 'qqcapname ' || g
         from generate_series(1, $5::int) g`,
      [randomUUID(), a, b, `${day}T12:00:00Z`, COUNT_CAP + 1],
    );
    expect(await countDossiers(database.db, { q: "qqcapname" })).toEqual({ count: 2, capped: true });
    expect(await countDossiers(database.db, { q: `qqcapname ${COUNT_CAP + 1}`, by: "name" })).toEqual({ count: 1, capped: false });
    const found = await listDossiers(database.db, { filters: { q: "qqcapname", from: day, to: day } });
    expect(new Set(found.items.map((i) => i.dossierId))).toEqual(new Set([a, b]));
  });

  it("refuses a cursor from another view", async () => {
    const day = uniqueDay();
    await seedProcesses(database.db, day, [{ updated: 1 }, { updated: 2 }]);
    const { nextCursor } = await listDossiers(database.db, { filters: { from: day, to: day }, limit: 1 });
    await expect(listDossiers(database.db, { filters: { from: day }, limit: 1, cursor: nextCursor })).rejects.toThrow(
      /another sort or filter/,
    );
  });
});
