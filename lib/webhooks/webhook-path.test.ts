import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import type { TestSimulator } from "../../simulator/test-support";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import {
  assureFor,
  bulkFinal,
  countingClient,
  notificationBody,
  openStoredZip,
  postAll,
  startSim,
  startWebhookServer,
  storedProcess,
  WEBHOOK_SECRET,
  webhookRequest,
} from "../../tests/reliability/support/desk-harness";
import type { AssureClient } from "../assure/client";
import { drainInbox } from "./inbox-worker";
import { receiveNotification } from "./receive-notification";

/** The worker side of a notification: the simulator over HTTP, the real client, a real database. */
let database: TestDatabase;
let t: TestSimulator;

beforeAll(async () => {
  [database, t] = await Promise.all([createTestDatabase(), startSim()]);
});
afterAll(async () => {
  await Promise.all([database?.dispose(), t?.sim.close()]);
});

const inboxOf = (processId: string) => database.db.select().from(webhookInbox).where(eq(webhookInbox.processId, processId));

describe("notification → inbox → worker → stored process", () => {
  it("stores the process and its zip, over HTTP into the verb the route calls", async () => {
    const [item] = await bulkFinal(t, 1, { scenarios: ["accepted"] });
    const server = await startWebhookServer(database.db);
    try {
      expect(await postAll(server.url, [notificationBody(item!, "accepted")])).toEqual([202]);
    } finally {
      await server.close();
    }
    const { client, calls } = countingClient(assureFor(t));
    const summary = await drainInbox(database.db, client);
    expect(summary).toMatchObject({ claimed: 1, done: 1, failed: 0, dead: 0 });

    expect(await storedProcess(database.db, item!.processId)).toMatchObject({ status: "accepted" });
    const zip = await openStoredZip(database.db, item!.processId);
    expect(zip).not.toBeNull();
    const processJson = JSON.parse(await zip!.file("process.json")!.async("string"));
    expect(processJson).toMatchObject({ processId: item!.processId, status: "accepted" });
    expect(Object.keys(zip!.files).some((name) => name.endsWith(".jpg"))).toBe(true);
    const [row] = await inboxOf(item!.processId);
    expect(row).toMatchObject({ state: "done", attempts: 1, lastError: null });
    expect(calls.getProcess.get(item!.processId)).toBe(1);
  });

  it("takes the status from the fetched process; the notification's is only a hint", async () => {
    const [item] = await bulkFinal(t, 1, { scenarios: ["under-age"] });
    const answer = await receiveNotification(database.db, webhookRequest(notificationBody(item!, "accepted")), WEBHOOK_SECRET);
    expect(answer.status).toBe(202);
    await drainInbox(database.db, assureFor(t));
    expect(await storedProcess(database.db, item!.processId)).toMatchObject({ status: "rejected" });
    expect((await inboxOf(item!.processId))[0]).toMatchObject({ hintedStatus: "accepted", state: "done" });
  });

  it("processes a notification delivered twice once", async () => {
    const [item] = await bulkFinal(t, 1);
    const body = notificationBody(item!, "accepted");
    const answers = await Promise.all([1, 2, 3].map(() => receiveNotification(database.db, webhookRequest(body), WEBHOOK_SECRET)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 202]);
    const { client, calls } = countingClient(assureFor(t));
    await drainInbox(database.db, client);
    expect(calls.getProcess.get(item!.processId)).toBe(1);
    expect(await inboxOf(item!.processId)).toHaveLength(1);
  });

  it("never lets a late notification for an earlier state undo a final one", async () => {
    const run = await t.control<{ dossierId: string; processId: string }>("POST", "/run", { scenario: "accepted", delayMs: 600_000 });
    const item = run.body;
    const send = (status: string, id = randomUUID()) =>
      receiveNotification(
        database.db,
        webhookRequest(JSON.stringify({ id, eventName: "assure.process.updated", eventData: { ...item, status } })),
        WEBHOOK_SECRET,
      );

    await send("processing");
    await drainInbox(database.db, assureFor(t));
    expect(await storedProcess(database.db, item.processId)).toMatchObject({ status: "processing" });

    await t.control("POST", `/processes/${item.processId}/finish`);
    await send("accepted");
    await drainInbox(database.db, assureFor(t));
    expect(await storedProcess(database.db, item.processId)).toMatchObject({ status: "accepted" });
    expect(await openStoredZip(database.db, item.processId)).not.toBeNull();

    // A late, older notification: the fetched process is final, so nothing goes back.
    await send("processing");
    await drainInbox(database.db, assureFor(t));
    expect(await storedProcess(database.db, item.processId)).toMatchObject({ status: "accepted" });
    expect((await inboxOf(item.processId)).map((r) => r.state)).toEqual(["done", "done", "done"]);
  });

  it("keeps the newer status when a worker stores an older read after another stored a newer one", async () => {
    const run = await t.control<{ dossierId: string; processId: string }>("POST", "/run", { scenario: "accepted", delayMs: 600_000 });
    const item = run.body;
    const real = assureFor(t);
    // The slow worker's read happens while the process is still processing, and is held back.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let read!: () => void;
    const wasRead = new Promise<void>((resolve) => (read = resolve));
    const slow: AssureClient = {
      ...real,
      async getProcess(dossierId, processId) {
        const process = await real.getProcess(dossierId, processId);
        read();
        await held;
        return process;
      },
    };
    await receiveNotification(database.db, webhookRequest(notificationBody(item, "processing")), WEBHOOK_SECRET);
    const slowDrain = drainInbox(database.db, slow);
    await wasRead;

    await t.control("POST", `/processes/${item.processId}/finish`);
    await receiveNotification(database.db, webhookRequest(notificationBody(item, "accepted")), WEBHOOK_SECRET);
    await drainInbox(database.db, real);
    expect(await storedProcess(database.db, item.processId)).toMatchObject({ status: "accepted" });

    release();
    await slowDrain;
    expect(await storedProcess(database.db, item.processId)).toMatchObject({ status: "accepted" });
    expect((await inboxOf(item.processId)).every((r) => r.state === "done")).toBe(true);
  });
});
