import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOMBSTONE_RAW_KEYS } from "../../db/personal-data";
import { auditLog, dossierErasures, dossierNotes, dossiers, processes, processResults, processRetries, reviewDecisions, webhookInbox } from "../../db/schema";
import type { SimulatorHandle } from "../../simulator/server";
import { startRetryHarness, type RetryHarness } from "../../tests/support/retry-harness";
import { staffCtx } from "../../tests/support/staff";
import type { TestDatabase } from "../../tests/support/test-database";
import type { AssureClient } from "../assure/client";
import type { Ctx } from "../auth/context";
import { Conflict, Forbidden, InvalidInput } from "../errors";
import { addDossierNote } from "../notes/dossier-notes";
import { refreshProcess } from "../processes/refresh-process";
import { upsertProcess } from "../processes/upsert-process";
import { recordReviewDecision } from "../reviews/review-decisions";
import { retryPendingDeletions } from "./delete-at-assure";
import { confirmErasure, requestErasure } from "./erase-dossier";
import { placeLegalHold, liftLegalHold } from "./legal-hold";
import { runDailyRetention, runRetention, withRetentionLock } from "./run-retention";
import { receiveNotification } from "../webhooks/receive-notification";

let harness: RetryHarness;
let database: TestDatabase;
let simulator: SimulatorHandle;
let assure: AssureClient;
let compliance: Ctx & { user: NonNullable<Ctx["user"]> };
let secondCompliance: Ctx;
let support: Ctx;

const SECRET = "retention-test-webhook-secret";

beforeAll(async () => {
  harness = await startRetryHarness();
  ({ database, simulator } = harness);
  assure = harness.deps.assure;
  [compliance, secondCompliance, support] = await Promise.all([
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "support"),
  ]);
});
afterAll(async () => {
  await harness?.close();
});

interface Run {
  dossierId: string;
  processId: string;
}

/** A final process run by the simulator and stored by the desk as the webhook would: status and zip. */
async function finalProcess(scenario: string, dossierId?: string): Promise<Run> {
  const response = await fetch(`${simulator.controlUrl}/run`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario, delayMs: 0, processType: "documentSelfie", documentType: "passport", ...(dossierId ? { dossierId } : {}) }),
  });
  expect(response.status).toBe(201);
  const run = (await response.json()) as Run;
  await refreshProcess(database.db, assure, run.dossierId, run.processId);
  return { dossierId: run.dossierId, processId: run.processId };
}

async function row(processId: string) {
  const [found] = await database.db.select().from(processes).where(eq(processes.processId, processId));
  return found!;
}

/** Everything the database holds as text, for searching a person's data anywhere. */
async function everything(): Promise<string> {
  const tables = ["processes", "process_results", "dossiers", "dossier_notes", "review_decisions", "process_retries", "webhook_inbox", "audit_log", "dossier_erasures", "sync_run_items"];
  const parts = await Promise.all(tables.map((t) => database.query<{ t: string }>(`select coalesce(string_agg(x::text, E'\\n'), '') as t from "${t}" x`)));
  return parts.map((p) => p[0]?.t ?? "").join("\n");
}

async function statusCounts() {
  return database.query<{ status: string; n: string }>(`select status::text, sum(count)::text as n from process_status_counts group by 1 order by 1`);
}

async function setFaults(body: Record<string, unknown>) {
  const response = await fetch(`${simulator.controlUrl}/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

function notification(run: Run, status = "accepted") {
  return new Request("http://desk.test/api/webhooks/assure", {
    method: "POST",
    headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ dossierId: run.dossierId, processId: run.processId, status }),
  });
}

describe("retention", () => {
  it("a dry run counts and changes nothing; an applied run clears every personal field and keeps the facts", async () => {
    const accepted = await finalProcess("accepted");
    const reviewed = await finalProcess("name-mismatch", accepted.dossierId);
    const before = await row(accepted.processId);
    expect(before.lastName).not.toBeNull();
    expect(before.documentNumber).not.toBeNull();
    expect(before.finalResult).not.toBeNull();
    const [zip] = await database.db.select({ id: processResults.processId }).from(processResults).where(eq(processResults.processId, accepted.processId));
    expect(zip).toBeDefined();

    await addDossierNote(compliance, { dossierId: accepted.dossierId, body: `Called ${before.firstName} ${before.lastName}` });
    await recordReviewDecision(compliance, { processId: reviewed.processId, decision: "reject", reasonCategory: "data_mismatch", note: `${before.lastName} differs` }, { fourEyes: false });
    await database.db.insert(processRetries).values({
      originalProcessId: reviewed.processId,
      dossierId: accepted.dossierId,
      attempt: 1,
      idempotencyKey: `k-${reviewed.processId}`,
      state: "failed",
      parameters: { processParameters: { location: { countryOfResidence: "NOR" } } },
      requestedBy: compliance.user.id,
      lastError: `refused for ${before.lastName}`,
    });
    // A dossier with a process still pending is never purged.
    const pendingRun = await (await fetch(`${simulator.controlUrl}/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "accepted", delayMs: 600_000, processType: "document", documentType: "passport" }),
    })).json() as Run;
    await refreshProcess(database.db, assure, pendingRun.dossierId, pendingRun.processId);
    expect((await row(pendingRun.processId)).status).not.toMatch(/accepted/);

    const counts = await statusCounts();
    const dryRun = await runRetention(database, { days: 0, apply: false });
    expect(dryRun.dossiers).toBeGreaterThanOrEqual(1);
    expect(dryRun.processes).toBeGreaterThanOrEqual(2);
    expect(dryRun.zips).toBeGreaterThanOrEqual(2);
    expect(await row(accepted.processId)).toEqual(before);
    expect(await database.db.select().from(dossierNotes).where(eq(dossierNotes.dossierId, accepted.dossierId))).toHaveLength(1);

    const applied = await runRetention(database, { days: 0, apply: true, batchSize: 1 });
    expect(applied).toMatchObject({ ran: true, dossiers: dryRun.dossiers, processes: dryRun.processes, zips: dryRun.zips });

    const after = await row(accepted.processId);
    for (const column of ["firstName", "lastName", "nameSearch", "documentNumber", "dateOfBirth", "nationality", "processParameters", "finalResult", "providerSpecific", "failReasonMessage"] as const) {
      expect(after[column], column).toBeNull();
    }
    expect(Object.keys(after.raw).every((key) => (TOMBSTONE_RAW_KEYS as readonly string[]).includes(key))).toBe(true);
    expect(after).toMatchObject({
      processId: before.processId,
      dossierId: before.dossierId,
      provider: before.provider,
      processType: before.processType,
      documentType: before.documentType,
      status: "accepted",
      issuingCountry: before.issuingCountry,
      createdAt: before.createdAt,
      updatedAt: before.updatedAt,
      purgeReason: "retention",
    });
    expect(after.purgedAt).toBeInstanceOf(Date);
    expect(await database.db.select().from(processResults).where(eq(processResults.processId, accepted.processId))).toHaveLength(0);
    expect(await database.db.select().from(dossierNotes).where(eq(dossierNotes.dossierId, accepted.dossierId))).toHaveLength(0);
    const [decision] = await database.db.select().from(reviewDecisions).where(eq(reviewDecisions.processId, reviewed.processId));
    expect(decision).toMatchObject({ decision: "reject", reasonCategory: "data_mismatch", state: "final", decidedBy: compliance.user.id, note: "" });
    const [retry] = await database.db.select().from(processRetries).where(eq(processRetries.originalProcessId, reviewed.processId));
    expect(retry).toMatchObject({ parameters: {}, lastError: null, attempt: 1 });
    expect(await database.db.select().from(webhookInbox).where(eq(webhookInbox.processId, accepted.processId))).toHaveLength(0);

    // The pending dossier is untouched; the counts by status are as they were.
    expect((await row(pendingRun.processId)).purgedAt).toBeNull();
    expect(await statusCounts()).toEqual(counts);

    // The person is nowhere, the audit log included, and the run is audited with its counts.
    const dump = await everything();
    expect(dump).not.toContain(before.documentNumber!);
    expect(dump).not.toContain(before.lastName!);
    const [audited] = await database.db.select().from(auditLog).where(eq(auditLog.action, "retention.run"));
    expect(audited?.details).toMatchObject({ processes: applied.processes, zips: applied.zips, days: 0 });

    // A late notification, a sync or a poll stores nothing again.
    const again = await refreshProcess(database.db, assure, accepted.dossierId, accepted.processId);
    expect(again).toMatchObject({ outcome: "stale", result: "none" });
    expect((await row(accepted.processId)).lastName).toBeNull();
    expect(await database.db.select().from(processResults).where(eq(processResults.processId, accepted.processId))).toHaveLength(0);
  });
});

describe("erasure on request", () => {
  it("needs the right and a confirmation naming the person", async () => {
    const run = await finalProcess("accepted");
    await expect(requestErasure(support, { assure, fourEyes: false }, { dossierId: run.dossierId, reason: "GDPR-1", confirmation: run.dossierId })).rejects.toBeInstanceOf(Forbidden);
    await expect(requestErasure(compliance, { assure, fourEyes: false }, { dossierId: run.dossierId, reason: "GDPR-1", confirmation: "Someone Else" })).rejects.toBeInstanceOf(InvalidInput);
    expect((await row(run.processId)).purgedAt).toBeNull();
  });

  it("purges, retries the deletion at Assure until it succeeds, and nothing brings the person back", async () => {
    const run = await finalProcess("accepted");
    const before = await row(run.processId);
    const name = `${before.firstName} ${before.lastName}`;

    await setFaults({ endpoints: { deleteDossier: { errorRate: 1, errorStatus: 503 } } });
    const outcome = await requestErasure(compliance, { assure, fourEyes: false }, { dossierId: run.dossierId, reason: "Ticket GDPR-4711", confirmation: name.toLowerCase() });
    expect(outcome).toMatchObject({ state: "erased", assure: "pending", counts: { processes: 1, zips: 1 } });
    let [erasure] = await database.db.select().from(dossierErasures).where(eq(dossierErasures.dossierId, run.dossierId));
    expect(erasure).toMatchObject({ state: "erased", assureDeletedAt: null, assureAttempts: 1 });
    expect(erasure!.assureLastError).toMatch(/503/);
    expect((await row(run.processId)).lastName).toBeNull();

    // Assure recovers; the sweep's retry (made due now) deletes the dossier there.
    await setFaults({});
    await database.db.update(dossierErasures).set({ assureNextAttemptAt: sql`now() - interval '1 second'` }).where(eq(dossierErasures.dossierId, run.dossierId));
    expect(await retryPendingDeletions(database.db, assure)).toMatchObject({ tried: 1, done: 1 });
    [erasure] = await database.db.select().from(dossierErasures).where(eq(dossierErasures.dossierId, run.dossierId));
    expect(erasure?.assureDeletedAt).toBeInstanceOf(Date);
    await expect(assure.getDossier(run.dossierId)).rejects.toMatchObject({ status: 404 });
    // A 404 counts as done: a second deletion changes nothing.
    expect(await assure.deleteDossier(run.dossierId)).toBe(false);

    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.dossierId, run.dossierId))).map((a) => [a.action, a.details]);
    expect(actions).toContainEqual(["dossier.erase", expect.objectContaining({ reason: "Ticket GDPR-4711", processes: 1 })]);
    expect(actions).toContainEqual(["dossier.erase_assure", expect.objectContaining({ outcome: "pending" })]);
    expect(actions).toContainEqual(["dossier.erase_assure", expect.objectContaining({ outcome: "deleted" })]);

    // A late notification is answered 200 and dropped; a replayed process object or a new one stores nothing.
    const answer = await receiveNotification(database.db, notification(run), SECRET);
    expect(answer).toMatchObject({ status: 200, body: { dropped: "erased" } });
    expect(await database.db.select().from(webhookInbox).where(eq(webhookInbox.dossierId, run.dossierId))).toHaveLength(0);
    const replayed = await upsertProcess(database.db, { dossierId: run.dossierId, process: before.raw });
    expect(replayed.outcome).toBe("stale");
    const fresh = { ...before.raw, processId: `${run.processId}-new` };
    await upsertProcess(database.db, { dossierId: run.dossierId, process: fresh });
    expect(await database.db.select().from(processes).where(eq(processes.processId, `${run.processId}-new`))).toHaveLength(0);

    const dump = await everything();
    expect(dump).not.toContain(before.documentNumber!);
    expect(dump).not.toContain(before.lastName!);
  });

  it("with four eyes waits for a second person", async () => {
    const run = await finalProcess("accepted");
    const deps = { assure, fourEyes: true };
    const requested = await requestErasure(compliance, deps, { dossierId: run.dossierId, reason: "Ticket GDPR-9", confirmation: run.dossierId });
    expect(requested.state).toBe("awaiting_confirmation");
    expect((await row(run.processId)).purgedAt).toBeNull();
    await expect(confirmErasure(compliance, deps, { dossierId: run.dossierId })).rejects.toBeInstanceOf(Conflict);
    const confirmed = await confirmErasure(secondCompliance, deps, { dossierId: run.dossierId });
    expect(confirmed).toMatchObject({ state: "erased", assure: "deleted" });
    expect((await row(run.processId)).purgeReason).toBe("erasure");
  });
});

describe("legal hold", () => {
  it("blocks retention and erasure until lifted, with a message naming the hold", async () => {
    const run = await finalProcess("accepted");
    await placeLegalHold(compliance, { dossierId: run.dossierId, reason: "Matter 2026-17" });
    const [held] = await database.db.select().from(dossiers).where(eq(dossiers.dossierId, run.dossierId));
    expect(held).toMatchObject({ legalHoldReason: "Matter 2026-17", legalHoldBy: compliance.user.id });

    const retention = await runRetention(database, { days: 0, apply: true });
    expect(retention.held).toBeGreaterThanOrEqual(1);
    expect((await row(run.processId)).purgedAt).toBeNull();
    const erasure = requestErasure(compliance, { assure, fourEyes: false }, { dossierId: run.dossierId, reason: "Ticket 1", confirmation: run.dossierId });
    await expect(erasure).rejects.toThrow(/legal hold.*Matter 2026-17/);
    expect((await row(run.processId)).lastName).not.toBeNull();

    await liftLegalHold(compliance, { dossierId: run.dossierId, reason: "Matter closed" });
    await runRetention(database, { days: 0, apply: true });
    expect((await row(run.processId)).purgedAt).toBeInstanceOf(Date);
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.dossierId, run.dossierId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["dossier.hold", "dossier.hold_lifted"]));
  });
});

describe("the daily run", () => {
  it("runs once a day, one instance at a time", async () => {
    // Due: whatever ran before in this file ran more than a day before this "now".
    const first = await runDailyRetention(database, 0, { now: new Date(Date.now() + 2 * 86_400_000), pauseMs: 0 });
    expect(first?.ran).toBe(true);
    // Not due an hour after that run (audited at the database's now).
    expect(await runDailyRetention(database, 0, { now: new Date(Date.now() + 3_600_000), pauseMs: 0 })).toBeNull();
    // No policy, no run.
    expect(await runDailyRetention(database, undefined, { now: new Date(Date.now() + 5 * 86_400_000) })).toBeNull();

    // While one run holds the lock, another is turned away and does nothing.
    let release!: () => void;
    const held = withRetentionLock(database, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await runRetention(database, { days: 0, apply: true });
    expect(second.ran).toBe(false);
    release();
    expect((await held).ran).toBe(true);
  });
});
