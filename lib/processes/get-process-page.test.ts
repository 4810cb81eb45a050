import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { NotFound } from "../errors";
import { getProcessPage } from "./get-process-page";
import { seedProcesses, uniqueDay } from "./testing/seed-processes";

let database: TestDatabase;
let support: Ctx;
let compliance: Ctx;
let admin: Ctx;
const dossierId = randomUUID();
let failedId: string;
let rejectedId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  [support, compliance, admin] = await Promise.all([staffCtx(database.db, "support"), staffCtx(database.db, "compliance"), staffCtx(database.db, "admin")]);
  const [failed, rejected] = await seedProcesses(database.db, uniqueDay(), [
    { dossierId, created: 1, updated: 2, status: "failed" },
    { dossierId, created: 3, updated: 4, status: "rejected" },
  ]);
  failedId = failed!.processId;
  rejectedId = rejected!.processId;
});
afterAll(async () => {
  await database.dispose();
});

describe("getProcessPage", () => {
  it("gives support the process and the review outcome, never the full result, the review panel or a retry", async () => {
    const model = await getProcessPage(support, { dossierId, processId: failedId });
    expect(model.detail).toMatchObject({ processId: failedId, dossierId, status: "failed" });
    expect(model).toMatchObject({ result: null, review: null, retry: null });
    expect(model.outcome).not.toBeNull();
  });

  it("gives compliance the full result and the review panel (open for a rejected process), not the outcome alone", async () => {
    const model = await getProcessPage(compliance, { dossierId, processId: rejectedId });
    expect(model.result).not.toBeNull();
    expect(model.outcome).toBeNull();
    expect(model.retry).toBeNull();
    expect(model.review).toMatchObject({ reviewable: true, canTake: true, viewerId: compliance.user!.id, state: { assignment: null, decisions: [] } });
  });

  it("gives an admin the retry plan of a failed process, and none for a process that did not fail", async () => {
    const failed = await getProcessPage(admin, { dossierId, processId: failedId });
    expect(failed.retry).toMatchObject({ plan: { retryable: expect.any(Boolean) }, retries: [], cap: expect.any(Number) });
    expect(failed.review).toBeNull();
    expect(failed.outcome).not.toBeNull();
    expect((await getProcessPage(admin, { dossierId, processId: rejectedId })).retry).toBeNull();
  });

  it("says NotFound for an unknown process, a process of another dossier and a malformed id", async () => {
    await expect(getProcessPage(support, { dossierId, processId: randomUUID() })).rejects.toBeInstanceOf(NotFound);
    await expect(getProcessPage(support, { dossierId: randomUUID(), processId: failedId })).rejects.toBeInstanceOf(NotFound);
    await expect(getProcessPage(support, { dossierId, processId: "../etc" })).rejects.toBeInstanceOf(NotFound);
  });
});
