import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { InvalidInput } from "../errors";
import { listProcesses } from "./list-processes";
import type { ProcessFilters } from "./process-list-query";
import { seedProcesses, uniqueDay, type SeededProcess } from "./testing/seed-processes";

let database: TestDatabase;
let day: string;
let maria: SeededProcess, joao: SeededProcess, zoe: SeededProcess, rejected: SeededProcess, nameless: SeededProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  // The look-ups below all run inside this file's own day, so they see only these rows.
  day = uniqueDay();
  [maria, joao, zoe, rejected, nameless] = await seedProcesses(database.db, day, [
    { updated: 1, firstName: "MARIA PAULA", lastName: "SANTOS MENDES", documentNumber: "AB 123-456", dateOfBirth: "1985-03-07" },
    { updated: 2, firstName: "JOÃO", lastName: "CONCEIÇÃO", documentNumber: "C01X00T47", dateOfBirth: "1990-12-31" },
    { updated: 3, firstName: "ZOË", lastName: "MÜLLER", documentNumber: "AB129999", dateOfBirth: "1985-03-07" },
    // Rejected: Assure gives no finalResult, the fields come from the document verification.
    { updated: 4, status: "rejected", firstName: "SIOBHÁN", lastName: "Ó BRIAIN", documentNumber: "777 888", dateOfBirth: "1977-07-17" },
    { updated: 5, status: "failed" },
  ]) as [SeededProcess, SeededProcess, SeededProcess, SeededProcess, SeededProcess];
});
afterAll(async () => {
  await database.dispose();
});

async function lookUp(q: string, by?: ProcessFilters["by"]): Promise<string[]> {
  const page = await listProcesses(database.db, { filters: { q, by, from: day, to: day }, sort: "updated.asc" });
  return page.items.map((i) => i.processId);
}

describe("look-up by name", () => {
  it("finds partial names whatever the accents and case", async () => {
    expect(await lookUp("joao")).toEqual([joao.processId]);
    expect(await lookUp("Conceição")).toEqual([joao.processId]);
    expect(await lookUp("CONCEIC")).toEqual([joao.processId]);
    expect(await lookUp("müll")).toEqual([zoe.processId]);
    expect(await lookUp("zoe muller")).toEqual([zoe.processId]);
    expect(await lookUp("siobhan")).toEqual([rejected.processId]);
  });

  it("needs every word, in any order, each anywhere in the name", async () => {
    expect(await lookUp("maria mendes")).toEqual([maria.processId]);
    expect(await lookUp("mendes maria")).toEqual([maria.processId]);
    expect(await lookUp("maria muller")).toEqual([]);
  });

  it("matches LIKE wildcards literally", async () => {
    expect(await lookUp("mar%", "name")).toEqual([]);
    expect(await lookUp("m_ria", "name")).toEqual([]);
  });

  it("asks for at least three letters", async () => {
    await expect(lookUp("jo")).rejects.toThrow(/at least 3 letters/);
  });
});

describe("look-up by document number", () => {
  it("finds a prefix typed with or without separators and in any case", async () => {
    expect(await lookUp("AB12")).toEqual([maria.processId, zoe.processId]);
    expect(await lookUp("ab 123")).toEqual([maria.processId]);
    expect(await lookUp("ab-123-4")).toEqual([maria.processId]);
    expect(await lookUp("c01x")).toEqual([joao.processId]);
    expect(await lookUp("777888", "document")).toEqual([rejected.processId]);
  });

  it("is a prefix match, not a substring match", async () => {
    expect(await lookUp("123456")).toEqual([]);
  });
});

describe("look-up by date of birth", () => {
  it("reads YYYY-MM-DD, DD.MM.YYYY and DD/MM/YYYY", async () => {
    for (const typed of ["1985-03-07", "07.03.1985", "7/3/1985", "07/03/1985"]) {
      expect(await lookUp(typed)).toEqual([maria.processId, zoe.processId]);
    }
    expect(await lookUp("31.12.1990")).toEqual([joao.processId]);
  });

  it("says when a date does not exist", async () => {
    await expect(lookUp("31.02.1990")).rejects.toBeInstanceOf(InvalidInput);
    await expect(lookUp("1990-13-01")).rejects.toThrow(/not a real date/);
  });
});

describe("look-up by id", () => {
  it("finds a process id or a dossier id by prefix, pasted in any case", async () => {
    expect(await lookUp(joao.processId.slice(0, 8).toUpperCase(), "id")).toEqual([joao.processId]);
    expect(await lookUp(joao.processId)).toEqual([joao.processId]);
    expect(await lookUp(`${zoe.dossierId.slice(0, 13)}`)).toEqual([zoe.processId]);
    expect(await lookUp(nameless.dossierId, "id")).toEqual([nameless.processId]);
  });

  it("combines with the other filters", async () => {
    const page = await listProcesses(database.db, {
      filters: { q: nameless.processId, status: ["accepted"], from: day, to: day },
    });
    expect(page.items).toEqual([]);
  });
});
