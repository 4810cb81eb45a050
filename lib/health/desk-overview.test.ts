import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { upsertProcess } from "../processes/upsert-process";
import { getDeskOverview } from "./desk-overview";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("getDeskOverview", () => {
  it("counts processes by status from the kept counters, following status changes", async () => {
    const dossierId = randomUUID();
    const pendingId = randomUUID();
    await upsertProcess(database.db, { dossierId, process: { ...loadExample("failed"), processId: randomUUID() } });
    await upsertProcess(database.db, { dossierId, process: { processId: pendingId, status: "pending", updatedAt: "2024-01-01T00:00:00Z" } });
    await upsertProcess(database.db, { dossierId, process: { processId: pendingId, status: "accepted", updatedAt: "2024-01-02T00:00:00Z" } });
    const overview = await getDeskOverview(database);
    expect(overview.processesByStatus).toMatchObject({ failed: 1, accepted: 1, pending: 0 });
    expect(overview.dossiers).toBe(1);
    expect(overview.migrationsApplied).toBeGreaterThanOrEqual(6);
  });
});
