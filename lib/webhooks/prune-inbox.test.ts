import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { pruneInbox } from "./prune-inbox";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

const DAY = 86_400_000;
type State = (typeof webhookInbox.$inferSelect)["state"];

async function row(state: State, ageDays: number): Promise<string> {
  const processId = randomUUID();
  await database.db.insert(webhookInbox).values({
    dedupeKey: randomUUID(),
    body: {},
    headers: {},
    dossierId: "d",
    processId,
    state,
    receivedAt: new Date(Date.now() - ageDays * DAY),
    doneAt: state === "done" ? new Date(Date.now() - ageDays * DAY) : null,
  });
  return processId;
}

const remaining = async () => new Set((await database.db.select({ processId: webhookInbox.processId }).from(webhookInbox)).map((r) => r.processId));

describe("pruneInbox", () => {
  it("deletes done rows past the retention period, in batches, and nothing else", async () => {
    const oldDone = await Promise.all(Array.from({ length: 7 }, () => row("done", 40)));
    const recentDone = await row("done", 5);
    const kept = await Promise.all((["dead", "failed", "received", "processing"] as const).map((state) => row(state, 400)));

    expect(await pruneInbox(database.db, { retentionDays: 30, batchSize: 3, maxBatches: 2 })).toBe(6);
    expect(await pruneInbox(database.db, { retentionDays: 30, batchSize: 3 })).toBe(1);
    expect(await pruneInbox(database.db, { retentionDays: 30 })).toBe(0);

    const left = await remaining();
    for (const id of oldDone) expect(left.has(id)).toBe(false);
    for (const id of [recentDone, ...kept]) expect(left.has(id)).toBe(true);
  });
});
