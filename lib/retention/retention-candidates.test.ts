import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import { purgeDossiers } from "./purge-dossiers";
import { claimRetentionBatch, countRetention, type Cursor } from "./retention-candidates";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/** Every batch the claim hands out, `size` dossiers at a time, as a run reads them. */
async function claimAll(cutoff: Date, size: number): Promise<string[]> {
  const claimed: string[] = [];
  let cursor: Cursor | null = null;
  for (;;) {
    const batch: Cursor[] = await database.db.transaction((tx) => claimRetentionBatch(tx, cutoff, cursor, size));
    claimed.push(...batch.map((c) => c.dossierId));
    if (batch.length < size) return claimed;
    cursor = batch.at(-1)!;
  }
}

describe("the retention claim", () => {
  it("takes exactly the dossiers the count takes: all final, something left to purge, no hold", async () => {
    const day = uniqueDay();
    const [taken, open, purged, held, mixed] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await seedProcesses(database.db, day, [
      { dossierId: taken, updated: 1, firstName: "ANA", lastName: "LIMA" },
      { dossierId: taken, updated: 2, status: "rejected", firstName: "ANA", lastName: "LIMA" },
      { dossierId: open, updated: 3, firstName: "RUI", lastName: "COSTA" },
      { dossierId: open, updated: 4, status: "pending" },
      { dossierId: purged, updated: 5, firstName: "EVA", lastName: "ROCHA" },
      { dossierId: held, updated: 6, firstName: "LUIS", lastName: "REIS" },
      { dossierId: mixed, updated: 7, firstName: "IVO", lastName: "SOUSA" },
      { dossierId: mixed, updated: 8, status: "failed" },
    ]);
    await database.db.transaction((tx) => purgeDossiers(tx, [purged], "erasure"));
    await database.db.update(dossiers).set({ legalHoldAt: new Date(), legalHoldReason: "case 12", legalHoldBy: "test" }).where(inArray(dossiers.dossierId, [held]));

    const cutoff = new Date(Date.now() + 60_000);
    const expected = [taken, mixed].sort();
    for (const size of [1, 2, 200]) expect((await claimAll(cutoff, size)).sort(), `batches of ${size}`).toEqual(expected);
    expect(await countRetention(database.db, cutoff)).toMatchObject({ dossiers: 2, processes: 4, held: 1 });

    // A cutoff before their last activity takes nothing.
    expect(await claimAll(new Date(`${day}T00:00:00Z`), 200)).toEqual([]);
  });
});
