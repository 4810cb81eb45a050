import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { NotFound } from "../errors";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import { getDossier } from "./get-dossier";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("getDossier", () => {
  it("gives the identity as last verified and every process oldest first, retries linked", async () => {
    const day = uniqueDay();
    const dossierId = randomUUID();
    const [first, failed] = await seedProcesses(database.db, day, [
      { dossierId, created: 1, updated: 2, status: "accepted", firstName: "MARIA", lastName: "SANTOS", documentNumber: "OLD1", dateOfBirth: "1985-03-07", issuingCountry: "PRT" },
      { dossierId, created: 10, updated: 11, status: "failed" },
    ]);
    const [retry] = await seedProcesses(database.db, day, [
      { dossierId, created: 20, updated: 25, status: "rejected", firstName: "MARIA PAULA", lastName: "SANTOS MENDES", documentNumber: "NEW2", documentType: "identityCard", retryOfProcessId: failed!.processId },
    ]);
    // A later process without extracted fields does not replace the identity.
    await seedProcesses(database.db, day, [{ dossierId, created: 30, updated: 31, status: "pending" }]);

    const detail = await getDossier(database.db, dossierId);
    expect(detail.processes.map((p) => p.processId)).toEqual([first!.processId, failed!.processId, retry!.processId, expect.any(String)]);
    expect(detail.processes[2]).toMatchObject({ retryOfProcessId: failed!.processId, status: "rejected" });
    expect(detail.identity).toMatchObject({
      processId: retry!.processId,
      status: "rejected",
      firstName: "MARIA PAULA",
      lastName: "SANTOS MENDES",
      documentNumber: "NEW2",
      documentType: "identityCard",
    });
    expect(detail.truncated).toBe(false);
  });

  it("has no identity before anything was extracted", async () => {
    const [only] = await seedProcesses(database.db, uniqueDay(), [{ status: "pending" }]);
    expect((await getDossier(database.db, only!.dossierId)).identity).toBeNull();
  });

  it("throws NotFound for an unknown dossier", async () => {
    await expect(getDossier(database.db, randomUUID())).rejects.toBeInstanceOf(NotFound);
  });
});
