import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processes, processRetries } from "../../db/schema";
import type { SimulatorHandle } from "../../simulator/server";
import { staffCtx } from "../../tests/support/staff";
import { startRetryHarness, type RetryHarness } from "../../tests/support/retry-harness";
import type { TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Forbidden } from "../errors";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import { upsertProcess } from "../processes/upsert-process";
import { getBulkRetrySelection, retryFailedInView } from "./failed-in-view";
import { retryProcess, type RetryDeps } from "./retry-process";

let harness: RetryHarness;
let database: TestDatabase;
let simulator: SimulatorHandle;
let deps: RetryDeps;
let admin: Ctx;

beforeAll(async () => {
  harness = await startRetryHarness();
  ({ database, simulator, deps } = harness);
  admin = await staffCtx(database.db, "admin");
});
afterAll(async () => {
  await harness?.close();
});

/** A process the simulator failed, stored as updated at `minute` of `day` so that each test has a view of its own. */
async function failedProcess(day: string, minute: number, scenario = "failed-provider-error", processType = "documentSelfie") {
  const response = await fetch(`${simulator.controlUrl}/run`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario, delayMs: 0, processType, documentType: "identityCard" }),
  });
  const run = (await response.json()) as { dossierId: string; processId: string; process: Record<string, unknown> };
  if (!response.ok) throw new Error(`simulator: ${JSON.stringify(run)}`);
  const at = new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000).toISOString();
  await upsertProcess(database.db, { dossierId: run.dossierId, process: { ...run.process, createdAt: at, updatedAt: at } });
  return { processId: run.processId, dossierId: run.dossierId };
}

/** A view with failed processes to retry, one consent failure, one retried already and one accepted. */
async function failedView() {
  const day = uniqueDay();
  const a = await failedProcess(day, 30);
  const b = await failedProcess(day, 20, "failed-provider-error", "document");
  const c = await failedProcess(day, 10);
  const consent = await failedProcess(day, 25, "failed-consent-denied");
  const retried = await failedProcess(day, 15);
  await retryProcess(admin, deps, { processId: retried.processId, idempotencyKey: randomUUID() });
  const [accepted] = await seedProcesses(database.db, day, [{ status: "accepted", updated: 5 }]);
  return { filters: { from: day, to: day, status: ["failed" as const] }, a, b, c, consent, retried, accepted: accepted! };
}

describe("getBulkRetrySelection", () => {
  it("selects the view's failed processes in its order, leaving out consent failures and those retried already", async () => {
    const { filters, a, b, c } = await failedView();
    const selection = await getBulkRetrySelection(admin, { filters });
    expect(selection.items).toEqual([a, b, c]);
    expect(selection).toMatchObject({
      retryable: { count: 3, capped: false },
      consentFailures: { count: 1, capped: false },
      retriedAlready: { count: 1, capped: false },
    });
    const oldestFirst = await getBulkRetrySelection(admin, { filters, sort: "updated.asc" });
    expect(oldestFirst.items).toEqual([c, b, a]);
    // It combines with the view's other filters, and another status ticked adds nothing.
    const documents = await getBulkRetrySelection(admin, { filters: { ...filters, type: "document", status: ["failed", "accepted"] } });
    expect(documents.items).toEqual([b]);
    const accepted = await getBulkRetrySelection(admin, { filters: { ...filters, status: ["accepted"] } });
    expect(accepted.items).toEqual([]);
    expect(accepted.retryable).toEqual({ count: 0, capped: false });
  });

  it("is for admins, and refuses a view that is not valid", async () => {
    const { filters } = await failedView();
    for (const role of ["support", "compliance"] as const) {
      await expect(getBulkRetrySelection(await staffCtx(database.db, role), { filters })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(getBulkRetrySelection(admin, { filters: { ...filters, country: "PORTUGAL" } })).rejects.toThrow(/alpha-3/);
  });
});

describe("document + video processes in a bulk retry", () => {
  it("are left out of the selection and counted apart; a chunk that names one creates nothing at Assure", async () => {
    const day = uniqueDay();
    const selfie = await failedProcess(day, 30);
    const video = await failedProcess(day, 20, "failed-provider-error", "documentVideo");
    const filters = { from: day, to: day, status: ["failed" as const] };
    const selection = await getBulkRetrySelection(admin, { filters });
    expect(selection.items).toEqual([selfie]);
    expect(selection).toMatchObject({ retryable: { count: 1, capped: false }, capturedByEndUser: { count: 1, capped: false }, retriedAlready: { count: 0, capped: false } });

    // A browser that sends the id anyway: refused before anything is created.
    const before = (await deps.assure.getDossier(video.dossierId)).processes?.length;
    const [item] = await retryFailedInView(admin, deps, { filters, bulkId: randomUUID(), processIds: [video.processId] });
    expect(item).toMatchObject({ ok: false, newProcessId: null, message: expect.stringMatching(/end-user/) });
    expect((await deps.assure.getDossier(video.dossierId)).processes?.length).toBe(before);
    expect(await database.db.select().from(processRetries).where(eq(processRetries.originalProcessId, video.processId))).toEqual([]);
  });
});

describe("retryFailedInView", () => {
  it("retries a chunk once per bulk id, reporting each item, and leaves alone what is not a failed process of the view", async () => {
    const { filters, a, b, consent, accepted } = await failedView();
    const bulkId = randomUUID();
    const ids = [a.processId, consent.processId, accepted.processId, "no-such-process", b.processId];
    const items = await retryFailedInView(admin, deps, { filters, bulkId, processIds: ids });
    expect(items.map((i) => [i.processId, i.ok])).toEqual([
      [a.processId, true],
      [consent.processId, false],
      [accepted.processId, false],
      ["no-such-process", false],
      [b.processId, true],
    ]);
    expect(items[1]?.message).toMatch(/consent/);
    expect(items[2]?.message).toMatch(/Not a failed process in this view/);
    // Codes beside the English, for the queue to say each row in the viewer's language.
    expect(items.map((i) => i.code)).toEqual([undefined, "retryConsent", "notInView", "notInView", undefined]);
    const [first, , , , second] = items;
    const created = await database.db.select().from(processes).where(inArray(processes.processId, [first!.newProcessId!, second!.newProcessId!]));
    expect(created.map((p) => p.retryOfProcessId).sort()).toEqual([a.processId, b.processId].sort());

    // The same chunk again (a double click, a resent request): the same answers, no new retry.
    const again = await retryFailedInView(admin, deps, { filters, bulkId, processIds: ids });
    expect(again.map((i) => i.newProcessId)).toEqual(items.map((i) => i.newProcessId));
    expect(await database.db.select().from(processRetries).where(eq(processRetries.bulkId, bulkId))).toHaveLength(2);
    // And they have left the selection.
    expect((await getBulkRetrySelection(admin, { filters })).items.map((i) => i.processId)).not.toContain(a.processId);
  });

  it("checks the ids against the view it is given, and is for admins only", async () => {
    const { filters, a } = await failedView();
    const other = { ...filters, type: "document" as const };
    const [item] = await retryFailedInView(admin, deps, { filters: other, bulkId: randomUUID(), processIds: [a.processId] });
    expect(item).toMatchObject({ ok: false, newProcessId: null });
    const compliance = await staffCtx(database.db, "compliance");
    await expect(retryFailedInView(compliance, deps, { filters, bulkId: randomUUID(), processIds: [a.processId] })).rejects.toBeInstanceOf(Forbidden);
    await expect(retryFailedInView(admin, deps, { filters, bulkId: "short", processIds: [a.processId] })).rejects.toThrow(/not valid/);
  });
});
