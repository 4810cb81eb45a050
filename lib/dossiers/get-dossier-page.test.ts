import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { NotFound } from "../errors";
import { addDossierNote } from "../notes/dossier-notes";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import { getDossierPage } from "./get-dossier-page";

let database: TestDatabase;
let support: Ctx;
const dossierId = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  support = await staffCtx(database.db, "support");
  await seedProcesses(database.db, uniqueDay(), [{ dossierId, created: 1, updated: 2, status: "accepted", firstName: "ANA" }]);
  await addDossierNote(support, { dossierId, body: "Called back on Tuesday." });
});
afterAll(async () => {
  await database.dispose();
});

describe("getDossierPage", () => {
  it("gives the dossier, its processes, its notes and its personal-data state", async () => {
    const model = await getDossierPage(support, { dossierId });
    expect(model.dossier.dossierId).toBe(dossierId);
    expect(model.processes).toHaveLength(1);
    expect(model.notes.map((n) => n.body)).toEqual(["Called back on Tuesday."]);
    expect(model.privacy).toMatchObject({ canErase: false, canHold: false });
    expect(model.truncated).toBe(false);
  });

  it("says NotFound for an unknown dossier and for an id that is no id", async () => {
    await expect(getDossierPage(support, { dossierId: randomUUID() })).rejects.toBeInstanceOf(NotFound);
    await expect(getDossierPage(support, { dossierId: "x".repeat(500) })).rejects.toBeInstanceOf(NotFound);
    await expect(getDossierPage(support, {})).rejects.toBeInstanceOf(NotFound);
  });
});
