/** Notifications over real HTTP to a small receiver started here, which can fail, hang or count. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPending, type Json, startTestSimulator, type TestSimulator, waitFor } from "../test-support";

interface Received {
  at: number;
  authorization: string | undefined;
  body: Json;
}

/** Answers each request with the next behaviour in `plan` (then 200): a status, or "hang" for no answer. */
class Receiver {
  received: Received[] = [];
  attempts = 0;
  plan: (number | "hang")[] = [];
  private server: Server = createServer((req, res) => void this.handle(req, res));
  url = "";

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.attempts += 1;
    const step = this.plan.shift() ?? 200;
    if (step === "hang") return;
    if (step === 200) {
      this.received.push({ at: Date.now(), authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) });
    }
    res.writeHead(step).end();
  }

  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let t: TestSimulator;
let hook: Receiver;
beforeAll(async () => {
  t = await startTestSimulator({ notify: { backoffBaseMs: 50, backoffMaxMs: 100, timeoutMs: 300, deadlineMs: 1500 } });
});
afterAll(() => t.sim.close());
beforeEach(async () => {
  await hook?.close();
  hook = new Receiver();
  await hook.start();
  await t.control("DELETE", "/faults");
});
afterAll(() => hook.close());

const run = (scenario: string, extra: Record<string, unknown> = {}) =>
  t.control("POST", "/run", { scenario, delayMs: 0, notificationUrl: hook.url, authorizationHeader: "Bearer hook-secret", ...extra });

describe("notifications", () => {
  it("POST {dossierId, processId, status} with the process's authorizationHeader, retrying after a failure", async () => {
    hook.plan = [500];
    const { dossierId, processId } = await createPending(t, {
      processType: "document",
      notificationUrl: hook.url,
      authorizationHeader: "Bearer hook-secret",
    });
    await t.api("POST", `/dossiers/${dossierId}/files`, { front: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" });
    const before = (await t.control("GET", "/stats")).body.notifications;
    await t.api("POST", `/dossiers/${dossierId}/processes/${processId}`);
    const got = await waitFor(() => hook.received[0]);
    expect(got.body).toEqual({ dossierId, processId, status: "accepted" });
    expect(got.authorization).toBe("Bearer hook-secret");
    expect(hook.attempts).toBe(2);
    const after = (await t.control("GET", "/stats")).body.notifications;
    expect(after.retries - before.retries).toBe(1);
    expect(after.sent - before.sent).toBe(1);
  });

  it("retries after a time-out", async () => {
    hook.plan = ["hang"];
    await run("accepted");
    await waitFor(() => hook.received[0]);
    expect(hook.attempts).toBe(2);
  });

  it("notifies for failed and canceled processes too", async () => {
    await run("failed-consent-denied");
    await run("canceled");
    await waitFor(() => (hook.received.length === 2 ? true : undefined));
    expect(hook.received.map((r) => r.body.status).sort()).toEqual(["canceled", "failed"]);
  });

  it("gives up after the deadline and counts the failure", async () => {
    hook.plan = Array(100).fill(503);
    const before = (await t.control("GET", "/stats")).body.notifications.failed;
    await run("accepted");
    await waitFor(async () => ((await t.control("GET", "/stats")).body.notifications.failed > before ? true : undefined), 4000);
    expect(hook.received).toHaveLength(0);
    expect(hook.attempts).toBeGreaterThan(2);
  });

  it("sends the Signicat Events envelope when asked, per process or globally", async () => {
    const r = (await run("under-age", { notificationForm: "events" })).body;
    const event = (await waitFor(() => hook.received[0])).body;
    expect(event).toMatchObject({
      eventName: "assure.process.completed",
      eventData: { dossierId: r.dossierId, processId: r.processId, status: "rejected", externalReference: null },
      tags: [],
    });
    for (const key of ["id", "timestamp", "sender", "accountId", "organizationId", "expiresAt"]) expect(event[key], key).toBeTruthy();
    await t.control("PUT", "/config", { notificationForm: "events" });
    try {
      await run("accepted");
      await waitFor(() => hook.received[1]);
      expect(hook.received[1]!.body.eventData.status).toBe("accepted");
    } finally {
      await t.control("PUT", "/config", { notificationForm: "assure" });
    }
  });

  it("goes to the configured target for control-API runs that name none", async () => {
    await t.control("PUT", "/config", { bulkNotification: { url: hook.url, authorizationHeader: "Bearer bulk" } });
    try {
      await t.control("POST", "/bulk", { count: 3, seed: 1, delayMs: 0, mix: { accepted: 1 } });
      await waitFor(() => (hook.received.length === 3 ? true : undefined));
      expect(hook.received.every((r) => r.authorization === "Bearer bulk" && r.body.status === "accepted")).toBe(true);
    } finally {
      await t.control("PUT", "/config", { bulkNotification: { url: null, authorizationHeader: null } });
    }
  });
});

describe("notification faults", () => {
  it("drops, duplicates and delays notifications", async () => {
    await t.control("PUT", "/faults", { notifications: { dropRate: 1 } });
    await run("accepted");
    await new Promise((r) => setTimeout(r, 200));
    expect(hook.attempts).toBe(0);

    await t.control("PUT", "/faults", { notifications: { duplicateRate: 1 } });
    const dup = (await run("accepted")).body;
    await waitFor(() => (hook.received.length === 2 ? true : undefined));
    expect(hook.received.map((r) => r.body.processId)).toEqual([dup.processId, dup.processId]);

    await t.control("PUT", "/faults", { notifications: { delayMs: 300 } });
    const sent = Date.now();
    await run("accepted");
    const late = await waitFor(() => hook.received[2]);
    expect(late.at - sent).toBeGreaterThanOrEqual(280);
    const stats = (await t.control("GET", "/stats")).body.notifications;
    expect(stats.dropped).toBeGreaterThanOrEqual(1);
    expect(stats.duplicated).toBeGreaterThanOrEqual(1);
  });

  it("reorders notifications: a batch arrives newest first", async () => {
    await t.control("PUT", "/faults", { notifications: { reorder: true, reorderWindowMs: 200 } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await run("accepted")).body.processId);
    await waitFor(() => (hook.received.length === 3 ? true : undefined));
    expect(hook.received.map((r) => r.body.processId)).toEqual([...ids].reverse());
  });
});
