import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierErasures, webhookInbox } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { InboxWriter, type InboxInsert } from "./inbox-writer";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

const row = (key = randomUUID(), body: Record<string, unknown> = { ok: true }, dossierId = "d"): InboxInsert => ({
  dedupeKey: key,
  body,
  headers: {},
  dossierId,
  processId: key,
  hintedStatus: "accepted",
});

describe("InboxWriter", () => {
  it("stores rows arriving together in one batch, each answered with its own id", async () => {
    const writer = new InboxWriter(database.db, { maxBatch: 50, maxInFlight: 1 });
    const rows = Array.from({ length: 120 }, () => row());
    const ids = await Promise.all(rows.map((r) => writer.store(r)));
    expect(new Set(ids).size).toBe(120);
    const stored = await database.db
      .select({ id: webhookInbox.id, key: webhookInbox.dedupeKey })
      .from(webhookInbox)
      .where(inArray(webhookInbox.dedupeKey, rows.map((r) => r.dedupeKey)));
    expect(new Map(stored.map((s) => [s.key, s.id]))).toEqual(new Map(rows.map((r, i) => [r.dedupeKey, ids[i]])));
  });

  it("answers one of several copies of a key with the id, in one batch or across batches", async () => {
    const writer = new InboxWriter(database.db);
    const key = randomUUID();
    const answers = await Promise.all([row(key), row(key), row(key)].map((r) => writer.store(r)));
    expect(answers.filter((a) => a !== "duplicate")).toHaveLength(1);
    expect(await writer.store(row(key))).toBe("duplicate");
  });

  it("drops the notifications of erased dossiers and stores the others of the same batch", async () => {
    const erasedId = randomUUID();
    const { user } = await staffCtx(database.db, "compliance");
    await database.db.insert(dossierErasures).values({ dossierId: erasedId, state: "erased", reason: "test", requestedBy: user.id, erasedAt: new Date() });
    const writer = new InboxWriter(database.db, { maxInFlight: 1 });
    const rows = [row(randomUUID(), {}, erasedId), row(), row(randomUUID(), {}, erasedId)];
    const answers = await Promise.all(rows.map((r) => writer.store(r)));
    expect(answers[0]).toBe("erased");
    expect(typeof answers[1]).toBe("number");
    expect(answers[2]).toBe("erased");
    const stored = await database.db.select({ key: webhookInbox.dedupeKey }).from(webhookInbox).where(inArray(webhookInbox.dedupeKey, rows.map((r) => r.dedupeKey)));
    expect(stored.map((s) => s.key)).toEqual([rows[1]!.dedupeKey]);
  });

  it("fails only the row the database refuses, not the others of its batch", async () => {
    const writer = new InboxWriter(database.db, { maxInFlight: 1 });
    // jsonb refuses \u0000; receiveNotification refuses such bodies before, this proves the isolation.
    const results = await Promise.allSettled([row(), row(randomUUID(), { bad: "\u0000" }), row()].map((r) => writer.store(r)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
