import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { loadExample } from "../../tests/support/fixtures";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { endSessionOnSignOut } from "../auth/sign-out";
import { getSessionUser } from "../auth/session-user";
import { addDossierNote } from "../notes/dossier-notes";
import { upsertProcess, upsertProcesses } from "../processes/upsert-process";
import { startInstanceListener } from "../server/instance-listener";
import { createDeskEventHub, type DeskEventHub } from "./event-hub";
import type { DeskEvent } from "./event-kinds";
import { openEventStream } from "./event-stream";
import { publishDeskEvent, toWire } from "./publish-event";

let database: TestDatabase;
let hub: DeskEventHub;
let stopListening: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = createDeskEventHub();
  stopListening = await startInstanceListener(database, { hub });
});
afterAll(async () => {
  await stopListening?.();
  await database?.dispose();
});

/** Reads a stream's text until `done` says it holds what the test waits for (or the stream ends). */
async function readUntil(stream: ReadableStream<Uint8Array>, done: (text: string) => boolean, timeoutMs = 5_000): Promise<{ text: string; ended: boolean }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  try {
    while (!done(text)) {
      const left = deadline - Date.now();
      if (left <= 0) return { text, ended: false };
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) return { text, ended: false };
      if (chunk.done) return { text, ended: true };
      text += decoder.decode(chunk.value);
    }
    return { text, ended: false };
  } finally {
    reader.releaseLock();
  }
}

function heard(predicate: (event: DeskEvent) => boolean, from: DeskEventHub = hub): { events: DeskEvent[]; stop: () => void } {
  const events: DeskEvent[] = [];
  const stop = from.subscribe((event) => {
    if (predicate(event)) events.push(event);
  });
  return { events, stop };
}

function freshProcess(name: string, changes: Record<string, unknown> = {}) {
  return { ...loadExample(name), ...changes, processId: randomUUID() };
}

const wire = (event: Omit<DeskEvent, "id" | "at">) => JSON.stringify(toWire(event));

describe("publishing desk events", () => {
  it("a stored process is heard at commit with its ids and new status, and no personal data", async () => {
    const process = freshProcess("accepted");
    const dossierId = randomUUID();
    const { events, stop } = heard((event) => event.processId === process.processId);
    try {
      await upsertProcess(database.db, { dossierId, process });
      await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
      expect(events[0]).toMatchObject({ kind: "process", processId: process.processId, dossierId, status: "accepted", created: true });
      expect(Object.keys(events[0]!).sort()).toEqual(["at", "created", "dossierId", "id", "kind", "processId", "status"]);
      // An update is news too; a stale copy (older updatedAt) changes nothing and says nothing.
      await upsertProcess(database.db, { dossierId, process: { ...process, status: "rejected", updatedAt: "2099-01-01T00:00:00Z" } });
      await expect.poll(() => events.length, { timeout: 5_000 }).toBe(2);
      expect(events[1]).toMatchObject({ status: "rejected", previousStatus: "accepted" });
      expect(events[1]!.created).toBeUndefined();
      await upsertProcess(database.db, { dossierId, process: { ...process, updatedAt: "2000-01-01T00:00:00Z" } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it("a batch of processes stored by one statement publishes one event for each written process", async () => {
    const dossierId = randomUUID();
    const existing = freshProcess("accepted");
    const fresh = [freshProcess("accepted"), freshProcess("rejected")];
    const ids = new Set<string>([existing.processId, ...fresh.map((p) => p.processId)]);
    const { events, stop } = heard((event) => ids.has(event.processId ?? ""));
    try {
      // The existing process's own event is heard first, so that it cannot arrive late and count as the batch's.
      await upsertProcess(database.db, { dossierId, process: existing });
      await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
      events.length = 0;
      await upsertProcesses(database.db, [
        { dossierId, process: fresh[0] },
        { dossierId, process: { ...existing, status: "rejected", updatedAt: "2099-01-01T00:00:00Z" } },
        { dossierId, process: fresh[1] },
        // Stale: says nothing.
        { dossierId, process: { ...existing, updatedAt: "2000-01-01T00:00:00Z" } },
      ]);
      await expect.poll(() => events.length, { timeout: 5_000 }).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events).toHaveLength(3);
      const byId = new Map(events.map((e) => [e.processId, e]));
      expect(byId.get(fresh[0]!.processId)).toMatchObject({ status: "accepted", created: true, dossierId });
      expect(byId.get(fresh[1]!.processId)).toMatchObject({ status: "rejected", created: true, dossierId });
      expect(byId.get(existing.processId)).toMatchObject({ status: "rejected", previousStatus: "accepted" });
    } finally {
      stop();
    }
  });

  it("nothing is heard from a transaction that rolls back, and nothing before the commit", async () => {
    const processId = randomUUID();
    const { events, stop } = heard((event) => event.processId === processId);
    try {
      await expect(
        database.db.transaction(async (tx) => {
          await publishDeskEvent(tx, { kind: "decision", processId });
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      await database.db.transaction(async (tx) => {
        await publishDeskEvent(tx, { kind: "assignment", processId });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(events).toEqual([]);
      });
      await expect.poll(() => events.map((e) => e.kind), { timeout: 5_000 }).toEqual(["assignment"]);
    } finally {
      stop();
    }
  });

  it("a note on a dossier is published with the dossier's id only", async () => {
    const ctx = await staffCtx(database.db, "support");
    const dossierId = randomUUID();
    await upsertProcess(database.db, { dossierId, process: freshProcess("accepted") });
    const { events, stop } = heard((event) => event.kind === "note" && event.dossierId === dossierId);
    try {
      await addDossierNote(ctx, { dossierId, body: "Called the customer, Ms Østergård" });
      await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
      expect(JSON.stringify(events[0])).not.toContain("Østergård");
    } finally {
      stop();
    }
  });
});

describe("the event stream", () => {
  it("gives each role only what it may see: no full-result events for support", async () => {
    const local = createDeskEventHub();
    const controller = new AbortController();
    const support = openEventStream({ hub: local, role: "support", signal: controller.signal, stillSignedIn: async () => true });
    const compliance = openEventStream({ hub: local, role: "compliance", signal: controller.signal, stillSignedIn: async () => true });
    local.receive(wire({ kind: "result", processId: "p-result" }));
    local.receive(wire({ kind: "sync", status: "running" }));
    local.receive(wire({ kind: "process", processId: "p-status", status: "accepted" }));
    const [seenBySupport, seenByCompliance] = await Promise.all([
      readUntil(support, (text) => text.includes("p-status")),
      readUntil(compliance, (text) => text.includes("p-status")),
    ]);
    controller.abort();
    expect(seenBySupport.text).not.toContain("p-result");
    expect(seenBySupport.text).not.toContain('"sync"');
    expect(seenByCompliance.text).toContain("p-result");
    expect(seenByCompliance.text).not.toContain('"sync"');
    // Every event carries an id for resumption.
    const blocks = seenByCompliance.text.split("\n\n").filter((block) => block.includes("data: {\"kind\""));
    expect(blocks.length).toBe(2);
    for (const block of blocks) expect(block).toMatch(/^id: [0-9a-f]+-\d+$/m);
  });

  it("resumes after Last-Event-ID with every buffered event, and asks for a reload when it cannot", async () => {
    const local = createDeskEventHub({ bufferSize: 5 });
    const events = Array.from({ length: 4 }, (_, i) => local.receive(wire({ kind: "process", processId: `p-${i}`, status: "processing" }))!);
    const resumed = openEventStream({ hub: local, role: "support", lastEventId: events[1]!.id, stillSignedIn: async () => true });
    const { text } = await readUntil(resumed, (t) => t.includes("p-3"));
    expect(text).not.toContain("p-0");
    expect(text).not.toContain("p-1");
    expect(text.indexOf("p-2")).toBeGreaterThan(-1);
    expect(text.indexOf("p-2")).toBeLessThan(text.indexOf("p-3"));
    expect(text).not.toContain("event: resync");
    await resumed.cancel();

    // Past the buffer (3 more push p-0..p-2 out), or an id another instance issued: the browser must reload.
    for (let i = 4; i < 8; i += 1) local.receive(wire({ kind: "process", processId: `p-${i}`, status: "processing" }));
    for (const lastEventId of [events[0]!.id, "deadbeef-1"]) {
      const stale = openEventStream({ hub: local, role: "support", lastEventId, stillSignedIn: async () => true });
      expect((await readUntil(stale, (t) => t.includes("resync"))).text).toContain("event: resync");
      await stale.cancel();
    }
  });

  it("gives a page's first connection what changed since its render, and asks for a reload when it cannot know", async () => {
    const local = createDeskEventHub({ bufferSize: 3 });
    const renderedAt = Date.now() + 1_000;
    local.receive(JSON.stringify(toWire({ kind: "process", processId: "p-before", status: "processing" }, renderedAt - 500)));
    local.receive(JSON.stringify(toWire({ kind: "process", processId: "p-after", status: "accepted" }, renderedAt + 200)));
    const first = openEventStream({ hub: local, role: "support", sinceTime: renderedAt, stillSignedIn: async () => true });
    const { text } = await readUntil(first, (t) => t.includes("p-after"));
    expect(text).not.toContain("p-before");
    expect(text).not.toContain("resync");
    await first.cancel();

    // A render before this instance listened, or older than what the buffer still holds: reload.
    const early = openEventStream({ hub: local, role: "support", sinceTime: Date.now() - 60_000, stillSignedIn: async () => true });
    expect((await readUntil(early, (t) => t.includes("resync"))).text).toContain("event: resync");
    await early.cancel();
    for (let i = 0; i < 3; i += 1) local.receive(JSON.stringify(toWire({ kind: "process", processId: `p-${i}`, status: "processing" }, renderedAt + 300)));
    const dropped = openEventStream({ hub: local, role: "support", sinceTime: renderedAt, stillSignedIn: async () => true });
    expect((await readUntil(dropped, (t) => t.includes("resync"))).text).toContain("event: resync");
    await dropped.cancel();
  });

  it("sends events that arrive together as one write, each formatted once for every stream", async () => {
    const local = createDeskEventHub();
    const streams = Array.from({ length: 3 }, () => openEventStream({ hub: local, role: "compliance", stillSignedIn: async () => true, coalesceMs: 30 }));
    const readers = streams.map((stream) => stream.getReader());
    // The opening `retry:` line goes out on its own.
    for (const reader of readers) expect(new TextDecoder().decode((await reader.read()).value)).toBe("retry: 3000\n\n");
    for (let i = 0; i < 5; i++) local.receive(JSON.stringify({ k: "process", p: `p-${i}`, s: "accepted", t: Date.now() }));
    const chunks = await Promise.all(readers.map(async (reader) => new TextDecoder().decode((await reader.read()).value)));
    for (const chunk of chunks) expect(chunk.match(/^id: /gm)).toHaveLength(5);
    expect(new Set(chunks).size).toBe(1);
    for (const reader of readers) await reader.cancel();
  });

  it("sends heartbeats, and ends when the browser goes away", async () => {
    const local = createDeskEventHub();
    const controller = new AbortController();
    const stream = openEventStream({ hub: local, role: "admin", signal: controller.signal, stillSignedIn: async () => true, heartbeatMs: 50 });
    const reader = stream.getReader();
    let text = "";
    while (!text.includes(": heartbeat")) text += new TextDecoder().decode((await reader.read()).value);
    expect(local.subscribers()).toBe(1);
    controller.abort();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
    expect(local.subscribers()).toBe(0);
  });

  it("ends when its session is signed out", async () => {
    const ctx = await staffCtx(database.db, "compliance");
    // After the user's creation (sessions_valid_after), on the database's clock as sign-in records it.
    const [clock] = await database.query<{ now: number }>("select (extract(epoch from now()) * 1000)::float8 + 1 as now");
    const signedInAt = Number(clock!.now);
    const claims = { uid: ctx.user.id, signedInAt };
    const stillSignedIn = async () => (await getSessionUser(database.db, claims, { maxHours: 12 })) !== null;
    expect(await stillSignedIn()).toBe(true);
    const local = createDeskEventHub();
    const stream = openEventStream({ hub: local, role: "compliance", stillSignedIn, sessionCheckMs: 50 });
    await endSessionOnSignOut(database.db, claims, { maxHours: 12 });
    const { text, ended } = await readUntil(stream, () => false);
    expect(text).toContain("event: end");
    expect(ended).toBe(true);
    expect(local.subscribers()).toBe(0);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("two desk instances on one PostgreSQL", () => {
  let other: Database;
  let otherHub: DeskEventHub;
  let stopOther: () => Promise<void>;
  beforeAll(async () => {
    other = await openDatabase({ url: database.url!, poolSize: 2 });
    otherHub = createDeskEventHub();
    stopOther = await startInstanceListener(other, { hub: otherHub });
  });
  afterAll(async () => {
    await stopOther?.();
    await other?.close();
  });

  it("an event written on one instance reaches a stream on the other", async () => {
    const stream = openEventStream({ hub: otherHub, role: "compliance", stillSignedIn: async () => true });
    const process = freshProcess("inconclusive");
    await upsertProcess(database.db, { dossierId: randomUUID(), process });
    const { text } = await readUntil(stream, (t) => t.includes(process.processId));
    expect(text).toContain('"status":"inconclusive"');
    await stream.cancel();
  });
});
