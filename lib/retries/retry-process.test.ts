import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, processes, processRetries } from "../../db/schema";
import type { SimulatorHandle } from "../../simulator/server";
import { staffCtx } from "../../tests/support/staff";
import { startRetryHarness, type RetryHarness } from "../../tests/support/retry-harness";
import type { TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Conflict, Forbidden } from "../errors";
import { refreshProcess } from "../processes/refresh-process";
import { upsertProcess } from "../processes/upsert-process";
import { bulkRetry, failedItem } from "./bulk-retry";
import { cancelRetry } from "./cancel-retry";
import { resumeRetry, retryProcess, type RetryDeps } from "./retry-process";

let harness: RetryHarness;
let database: TestDatabase;
let simulator: SimulatorHandle;
let deps: RetryDeps;
let admin: Ctx;
let otherAdmin: Ctx;

beforeAll(async () => {
  harness = await startRetryHarness();
  ({ database, simulator, deps } = harness);
  [admin, otherAdmin] = await Promise.all([staffCtx(database.db, "admin"), staffCtx(database.db, "admin")]);
});
afterAll(async () => {
  await harness?.close();
});

/** A process the simulator failed, stored by the desk as the webhook would store it. */
async function failedProcess(scenario = "failed-provider-error", change?: (p: Record<string, unknown>) => void, processType = "documentSelfie") {
  const response = await fetch(`${simulator.controlUrl}/run`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario, delayMs: 0, processType, documentType: "identityCard" }),
  });
  const run = (await response.json()) as { dossierId: string; processId: string; process: Record<string, unknown> };
  if (change) {
    const process = structuredClone(run.process);
    change(process);
    await upsertProcess(database.db, { dossierId: run.dossierId, process });
  } else {
    await refreshProcess(database.db, deps.assure, run.dossierId, run.processId);
  }
  return run;
}

const key = () => randomUUID();

describe("retryProcess", () => {
  it("creates a linked process in the same dossier with the same parameters and images, and starts it", async () => {
    const { dossierId, processId } = await failedProcess();
    const retry = await retryProcess(admin, deps, { processId, idempotencyKey: key() });
    expect(retry).toMatchObject({ state: "started", attempt: 1, dossierId, lastError: null });

    const [stored] = await database.db.select().from(processes).where(eq(processes.processId, retry.newProcessId!));
    expect(stored).toMatchObject({ retryOfProcessId: processId, dossierId, status: "processing", processType: "documentSelfie", documentType: "identityCard" });
    const [original] = await database.db.select().from(processes).where(eq(processes.processId, processId));
    expect(stored?.processParameters).toEqual(original?.processParameters);
    for (const kind of ["front", "selfie"] as const) {
      const [copied, source] = await Promise.all([
        deps.assure.getImage(dossierId, retry.newProcessId!, kind),
        deps.assure.getImage(dossierId, processId, kind),
      ]);
      expect(source).not.toBeNull();
      expect(Buffer.from(copied!.bytes).equals(Buffer.from(source!.bytes))).toBe(true);
    }
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.processId, processId));
    expect(audit.map((a) => a.action)).toContain("process.retry");
  });

  it("makes one retry of a double click (same key) and of two admins at once (different keys)", async () => {
    const first = await failedProcess();
    const sameKey = key();
    const twice = await Promise.all([
      retryProcess(admin, deps, { processId: first.processId, idempotencyKey: sameKey }),
      retryProcess(admin, deps, { processId: first.processId, idempotencyKey: sameKey }),
    ]);
    expect(new Set(twice.map((r) => r.id)).size).toBe(1);

    const second = await failedProcess();
    const results = await Promise.allSettled([
      retryProcess(admin, deps, { processId: second.processId, idempotencyKey: key() }),
      retryProcess(otherAdmin, deps, { processId: second.processId, idempotencyKey: key() }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    const rows = await database.db.select().from(processRetries).where(eq(processRetries.originalProcessId, second.processId));
    expect(rows).toHaveLength(1);
    const linked = await database.db.select().from(processes).where(eq(processes.retryOfProcessId, second.processId));
    expect(linked).toHaveLength(1);
  });

  it("stops at the cap", async () => {
    const { processId } = await failedProcess();
    const capped = { ...deps, cap: 1 };
    await retryProcess(admin, capped, { processId, idempotencyKey: key() });
    await expect(retryProcess(admin, capped, { processId, idempotencyKey: key() })).rejects.toThrow(/retried 1 times, the most allowed \(1\)/);
  });

  it("refuses a consent failure: only the end-user can give consent", async () => {
    const { processId } = await failedProcess("failed-consent-denied");
    await expect(retryProcess(admin, deps, { processId, idempotencyKey: key() })).rejects.toThrow(/Only the end-user can give consent/);
    expect(await database.db.select().from(processRetries).where(eq(processRetries.originalProcessId, processId))).toEqual([]);
  });

  it("shows Assure's reason when it refuses, keeps the created process visible, and resumes", async () => {
    const { processId, dossierId } = await failedProcess("failed-timeout", (p) => {
      p.processParameters = {};
    });
    const error = await retryProcess(admin, deps, { processId, idempotencyKey: key() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Error).message).toMatch(/Assure refused the retry: .*location/i);
    const [row] = await database.db.select().from(processRetries).where(eq(processRetries.originalProcessId, processId));
    expect(row).toMatchObject({ state: "failed", lastError: expect.stringMatching(/location/i) });
    const [pending] = await database.db.select().from(processes).where(eq(processes.processId, row!.newProcessId!));
    expect(pending).toMatchObject({ status: "pending", retryOfProcessId: processId, dossierId });
    // Resuming without a correction meets the same refusal, and says so again.
    await expect(resumeRetry(admin, deps, { retryId: row!.id })).rejects.toThrow(/location/i);
    // A corrected retry is allowed beside the refused one.
    const corrected = await retryProcess(admin, deps, { processId, idempotencyKey: key(), countryOfResidence: "PRT" });
    expect(corrected).toMatchObject({ state: "started", attempt: 2 });
  });

  it("is for admins only", async () => {
    const { processId } = await failedProcess();
    const compliance = await staffCtx(database.db, "compliance");
    await expect(retryProcess(compliance, deps, { processId, idempotencyKey: key() })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("document + video retries", () => {
  it("are refused before anything is created: Assure takes no images for them", async () => {
    const { processId } = await failedProcess("failed-provider-error", undefined, "documentVideo");
    await expect(retryProcess(admin, deps, { processId, idempotencyKey: key() })).rejects.toThrow(/end-user to run the check again/);
    expect(await database.db.select().from(processRetries).where(eq(processRetries.originalProcessId, processId))).toEqual([]);
    expect(await database.db.select().from(processes).where(eq(processes.retryOfProcessId, processId))).toEqual([]);
  });

  it("a stuck leftover (made before the desk knew) is not resumed, and is canceled once: deleted at Assure, audited", async () => {
    const { processId, dossierId } = await failedProcess("failed-provider-error", undefined, "documentVideo");
    // What the desk did before: created the process, then Assure refused its images.
    const created = await deps.assure.createProcess(dossierId, { provider: "onfido", processType: "documentVideo", processParameters: { location: { countryOfResidence: "NOR" } } });
    await upsertProcess(database.db, { dossierId, process: created, retryOfProcessId: processId });
    const [stuck] = await database.db
      .insert(processRetries)
      .values({ originalProcessId: processId, dossierId, attempt: 1, idempotencyKey: key(), state: "created", newProcessId: created.processId, parameters: { processType: "documentVideo" }, requestedBy: admin.user!.id, lastError: "Images cannot be set." })
      .returning();

    await expect(resumeRetry(admin, deps, { retryId: stuck!.id })).rejects.toThrow(/Cancel the leftover process/);
    const compliance = await staffCtx(database.db, "compliance");
    await expect(cancelRetry(compliance, deps, { retryId: stuck!.id })).rejects.toBeInstanceOf(Forbidden);

    // A double click: one deletion, one audit entry, the same answer twice.
    const both = await Promise.all([cancelRetry(admin, deps, { retryId: stuck!.id }), cancelRetry(admin, deps, { retryId: stuck!.id })]);
    expect(both.map((r) => r.state)).toEqual(["canceled", "canceled"]);
    await expect(deps.assure.getProcess(dossierId, created.processId)).rejects.toMatchObject({ status: 404 });
    const [local] = await database.db.select().from(processes).where(eq(processes.processId, created.processId));
    expect(local?.status).toBe("canceled");
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "process.retry_cancel"));
    expect(audit.filter((a) => a.target === String(stuck!.id))).toHaveLength(1);
    // Again later: nothing more happens.
    expect((await cancelRetry(admin, deps, { retryId: stuck!.id })).state).toBe("canceled");
    await expect(resumeRetry(admin, deps, { retryId: stuck!.id })).rejects.toThrow(/canceled/);
  });

  it("cancel leaves a started retry alone", async () => {
    const { processId } = await failedProcess();
    const retry = await retryProcess(admin, deps, { processId, idempotencyKey: key() });
    await expect(cancelRetry(admin, deps, { retryId: retry.id })).rejects.toThrow(/nothing left to cancel/);
  });
});

describe("bulkRetry", () => {
  it("retries each process, reports each result, and goes on past a failing item", async () => {
    const good = await failedProcess();
    const consent = await failedProcess("failed-consent-denied");
    const other = await failedProcess("failed-multiple-faces");
    const progress: number[] = [];
    const result = await bulkRetry(admin, deps, { processIds: [good.processId, consent.processId, other.processId] }, (done) => progress.push(done));
    expect(result).toMatchObject({ succeeded: 2, failed: 1 });
    // The refusal's code beside its English, for the queue to say it in the viewer's language.
    expect(result.items.find((i) => i.processId === consent.processId)).toMatchObject({ ok: false, message: expect.stringMatching(/consent/), code: "retryConsent" });
    expect(progress).toEqual([1, 2, 3]);
    const again = await bulkRetry(admin, deps, { processIds: [good.processId], bulkId: result.bulkId });
    expect(again.items[0]?.newProcessId).toBe(result.items[0]?.newProcessId);
  });

  it("reports an unexpected failure by its logged reference only, never its message", () => {
    const item = failedItem("p-1", new Error("relation process_retries does not exist"));
    expect(item).toMatchObject({ processId: "p-1", ok: false, code: "unexpected", values: { ref: expect.any(String) }, message: expect.stringMatching(/^Something went wrong \(ref /) });
    expect(item.message).not.toContain("relation");
  });
});
