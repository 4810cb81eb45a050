import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processPresence } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createDeskEventHub, type DeskEventHub } from "../events/event-hub";
import type { DeskEvent } from "../events/event-kinds";
import { startInstanceListener } from "../server/instance-listener";
import { listPresence, reportPresence } from "./presence";

let database: TestDatabase;
let hub: DeskEventHub;
let stop: () => Promise<void>;
beforeAll(async () => {
  database = await createTestDatabase();
  hub = createDeskEventHub();
  stop = await startInstanceListener(database, { hub });
});
afterAll(async () => {
  await stop?.();
  await database?.dispose();
});

describe("presence on a process", () => {
  it("shows who else has it open, and forgets a tab that left", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const support = await staffCtx(database.db, "support");
    const processId = randomUUID();
    const tab = randomUUID();
    await reportPresence(officer, { tabId: tab, processId, mode: "reviewing" });
    await reportPresence(support, { tabId: randomUUID(), processId, mode: "reviewing" });
    expect(await listPresence(support, { processIds: [processId] })).toEqual([{ processId, name: officer.user.name, role: "compliance", mode: "reviewing" }]);
    // Support may not decide: it is only ever viewing. Nobody sees themselves.
    expect(await listPresence(officer, { processIds: [processId] })).toEqual([{ processId, name: support.user.name, role: "support", mode: "viewing" }]);
    await reportPresence(officer, { tabId: tab, processId, leave: true });
    expect(await listPresence(support, { processIds: [processId] })).toEqual([]);
  });

  it("expires a tab not heard from for a minute", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const admin = await staffCtx(database.db, "admin");
    const processId = randomUUID();
    const tab = randomUUID();
    await reportPresence(officer, { tabId: tab, processId });
    expect(await listPresence(admin, { processIds: [processId] })).toHaveLength(1);
    await database.db.update(processPresence).set({ seenAt: sql`now() - interval '61 seconds'` }).where(eq(processPresence.tabId, tab));
    expect(await listPresence(admin, { processIds: [processId] })).toEqual([]);
  });

  it("publishes arrivals, changes and departures, not heartbeats that change nothing", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const processId = randomUUID();
    const tab = randomUUID();
    const heard: DeskEvent[] = [];
    const unsubscribe = hub.subscribe((event) => {
      if (event.processId === processId) heard.push(event);
    });
    try {
      await reportPresence(officer, { tabId: tab, processId, mode: "viewing" });
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(1);
      await reportPresence(officer, { tabId: tab, processId, mode: "viewing" });
      await reportPresence(officer, { tabId: tab, processId, mode: "reviewing" });
      await reportPresence(officer, { tabId: tab, processId, leave: true });
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(3);
      expect(heard.every((event) => event.kind === "presence" && Object.keys(event).sort().join() === "at,id,kind,processId")).toBe(true);
    } finally {
      unsubscribe();
    }
  });

  it("does not let another user take over or end someone's tab", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const other = await staffCtx(database.db, "compliance");
    const processId = randomUUID();
    const tab = randomUUID();
    await reportPresence(officer, { tabId: tab, processId });
    await reportPresence(other, { tabId: tab, processId, leave: true });
    await reportPresence(other, { tabId: tab, processId: randomUUID() });
    expect(await listPresence(other, { processIds: [processId] })).toEqual([expect.objectContaining({ name: officer.user.name })]);
  });

  it("drops a tab's report that arrives after a later one: a heartbeat overtaken by the goodbye does not bring the tab back", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const admin = await staffCtx(database.db, "admin");
    const processId = randomUUID();
    const tab = randomUUID();
    await reportPresence(officer, { tabId: tab, processId, seq: 1 });
    expect(await listPresence(admin, { processIds: [processId] })).toHaveLength(1);
    await reportPresence(officer, { tabId: tab, processId, leave: true, seq: 3 });
    // Another tab's heartbeat clears old rows meanwhile: the goodbye's row is not one of them.
    await reportPresence(admin, { tabId: randomUUID(), processId: randomUUID(), seq: 1 });
    await reportPresence(officer, { tabId: tab, processId, seq: 2 });
    expect(await listPresence(admin, { processIds: [processId] })).toEqual([]);
    // Back from the browser's cache: a later number says hello again.
    await reportPresence(officer, { tabId: tab, processId, seq: 4 });
    expect(await listPresence(admin, { processIds: [processId] })).toHaveLength(1);
  });

  it("keeps a tab away whose goodbye came before its first heartbeat, and keeps a tab that moved on whose old goodbye came late", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const admin = await staffCtx(database.db, "admin");
    const [first, second] = [randomUUID(), randomUUID()];
    const closed = randomUUID();
    await reportPresence(officer, { tabId: closed, processId: first, leave: true, seq: 2 });
    await reportPresence(officer, { tabId: closed, processId: first, seq: 1 });
    expect(await listPresence(admin, { processIds: [first] })).toEqual([]);
    // One tab walks from the first process to the second: its goodbye to the first arrives after its hello to the second.
    const walking = randomUUID();
    await reportPresence(officer, { tabId: walking, processId: first, seq: 1 });
    await reportPresence(officer, { tabId: walking, processId: second, seq: 3 });
    await reportPresence(officer, { tabId: walking, processId: first, leave: true, seq: 2 });
    expect(await listPresence(admin, { processIds: [first, second] })).toEqual([expect.objectContaining({ processId: second, name: officer.user.name })]);
  });

  it("applies a new tab's goodbye and its first heartbeat in their numbers' order when both arrive at once", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const admin = await staffCtx(database.db, "admin");
    const processId = randomUUID();
    for (let round = 0; round < 20; round++) {
      const tab = randomUUID();
      await Promise.all([reportPresence(officer, { tabId: tab, processId, leave: true, seq: 2 }), reportPresence(officer, { tabId: tab, processId, seq: 1 })]);
      expect(await listPresence(admin, { processIds: [processId] })).toEqual([]);
    }
  });

  it("refuses the anonymous and bad input", async () => {
    await expect(reportPresence({ db: database.db, user: null }, { tabId: randomUUID(), processId: "p" })).rejects.toThrow("Sign in first");
    const officer = await staffCtx(database.db, "compliance");
    await expect(reportPresence(officer, { tabId: "not-a-uuid", processId: "p" })).rejects.toThrow();
    await expect(reportPresence(officer, { tabId: randomUUID(), processId: "p", seq: 0 })).rejects.toThrow();
    await expect(reportPresence(officer, { tabId: randomUUID(), processId: "p", seq: 1.5 })).rejects.toThrow();
    await expect(listPresence(officer, { processIds: Array.from({ length: 201 }, (_, i) => `p-${i}`) })).rejects.toThrow();
    expect(await listPresence(officer, { processIds: [] })).toEqual([]);
  });
});
