import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { resultStore } from "../results/result-store";
import { getProcessDetail } from "./get-process-detail";
import { upsertProcess } from "./upsert-process";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

async function seed(example: string, options: { dossierId?: string; retryOf?: string; createdAt?: string } = {}) {
  const processId = randomUUID();
  const dossierId = options.dossierId ?? randomUUID();
  const process = { ...loadExample(example), processId, ...(options.createdAt ? { createdAt: options.createdAt, updatedAt: options.createdAt } : {}) };
  await upsertProcess(database.db, { dossierId, process, retryOfProcessId: options.retryOf ?? null });
  return { processId, dossierId };
}

describe("getProcessDetail", () => {
  it("reads the process with its fail reason, notifications, retries and stored result", async () => {
    const failed = await seed("failed");
    const retry1 = await seed("accepted", { dossierId: failed.dossierId, retryOf: failed.processId, createdAt: "2022-02-15T10:00:00Z" });
    const retry2 = await seed("created", { dossierId: failed.dossierId, retryOf: failed.processId, createdAt: "2022-02-16T10:00:00Z" });
    await database.db.insert(webhookInbox).values([
      { dedupeKey: randomUUID(), dossierId: failed.dossierId, processId: failed.processId, body: {}, headers: {}, hintedStatus: "failed", state: "done", receivedAt: new Date("2022-02-14T14:05:07Z") },
      { dedupeKey: randomUUID(), dossierId: failed.dossierId, processId: failed.processId, body: {}, headers: {}, hintedStatus: "failed", state: "failed", attempts: 2, lastError: "timeout", receivedAt: new Date("2022-02-14T14:05:09Z") },
      { dedupeKey: randomUUID(), dossierId: failed.dossierId, processId: retry1.processId, body: {}, headers: {}, state: "received" },
    ]);

    const detail = await getProcessDetail(database.db, failed.dossierId, failed.processId);
    expect(detail).toMatchObject({
      status: "failed",
      processType: "documentSelfie",
      failReason: { type: "upload_failed", message: expect.stringMatching(/^There was a validation error/) },
      createdAt: new Date("2022-02-14T14:04:58Z"),
      updatedAt: new Date("2022-02-14T14:05:06Z"),
      retryOf: null,
      storedResult: null,
      notificationsTruncated: false,
    });
    expect(detail!.notifications.map((n) => [n.state, n.attempts, n.lastError])).toEqual([["done", 0, null], ["failed", 2, "timeout"]]);
    expect(detail!.retries.map((r) => [r.processId, r.status])).toEqual([[retry1.processId, "accepted"], [retry2.processId, "pending"]]);
    expect(detail!.firstSeenAt).toBeInstanceOf(Date);

    const child = await getProcessDetail(database.db, failed.dossierId, retry1.processId);
    expect(child).toMatchObject({ retryOf: { processId: failed.processId, status: "failed" }, failReason: null, finalResult: { firstName: "MARIA PAULA" } });
    expect(child!.notifications).toHaveLength(1);
  });

  it("describes the stored result without reading its bytes", async () => {
    const { processId, dossierId } = await seed("inconclusive");
    await resultStore(database.db).put(processId, new Uint8Array([1, 2, 3]));
    const detail = await getProcessDetail(database.db, dossierId, processId);
    expect(detail?.storedResult).toMatchObject({ sizeBytes: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(detail?.storedResult).not.toHaveProperty("content");
  });

  it("answers null for an unknown process or one in another dossier", async () => {
    const { processId } = await seed("canceled");
    expect(await getProcessDetail(database.db, randomUUID(), processId)).toBeNull();
    expect(await getProcessDetail(database.db, randomUUID(), randomUUID())).toBeNull();
  });
});
