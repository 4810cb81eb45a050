import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { webhookCounters } from "./counters";
import { receiveNotification } from "./receive-notification";

const SECRET = "test-webhook-secret-0123456789";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

function post(body: string | object, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }) {
  return new Request("http://desk.test/api/webhooks/assure", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function inboxRows(processId: string) {
  return database.db.select().from(webhookInbox).where(eq(webhookInbox.processId, processId));
}

describe("receiveNotification", () => {
  it("keeps the sender's address only as a trusted proxy saw it, never the caller's own X-Forwarded-For", async () => {
    const headers = { authorization: `Bearer ${SECRET}`, "x-forwarded-for": "203.0.113.9, 10.1.2.3" };
    const untrusted = randomUUID();
    await receiveNotification(database.db, post({ dossierId: "d-1", processId: untrusted, status: "accepted" }, headers), SECRET);
    const [stored] = await inboxRows(untrusted);
    expect(JSON.stringify(stored?.headers)).not.toContain("203.0.113.9");
    expect(JSON.stringify(stored?.headers)).not.toContain("10.1.2.3");

    const behindProxy = randomUUID();
    await receiveNotification(database.db, post({ dossierId: "d-1", processId: behindProxy, status: "accepted" }, headers), SECRET, 1);
    const [proxied] = await inboxRows(behindProxy);
    expect(proxied?.headers).toMatchObject({ "client-address": "10.1.2.3" });
    expect(JSON.stringify(proxied?.headers)).not.toContain("203.0.113.9");
  });

  it("stores Assure's notification before acknowledging it, without the secret", async () => {
    const processId = randomUUID();
    const answer = await receiveNotification(database.db, post({ dossierId: "d-1", processId, status: "accepted" }), SECRET);
    expect(answer.status).toBe(202);
    const [row] = await inboxRows(processId);
    expect(row).toMatchObject({ id: answer.inboxId, dossierId: "d-1", hintedStatus: "accepted", state: "received", attempts: 0 });
    expect(JSON.stringify(row?.headers)).not.toContain(SECRET);
    expect(row?.headers["content-type"]).toBe("application/json");
  });

  it("accepts the Signicat Events envelope", async () => {
    const processId = randomUUID();
    const envelope = {
      id: randomUUID(),
      timestamp: "2024-05-01T10:00:00Z",
      sender: "signicat.assure",
      eventName: "assure.process.completed",
      eventData: { dossierId: "d-2", processId, status: "rejected", externalReference: null },
      accountId: "a-1",
      organizationId: "o-1",
      expiresAt: "2024-05-02T10:00:00Z",
      tags: [],
    };
    const answer = await receiveNotification(database.db, post(envelope), SECRET);
    expect(answer.status).toBe(202);
    expect((await inboxRows(processId))[0]).toMatchObject({ dossierId: "d-2", hintedStatus: "rejected" });
    const again = await receiveNotification(database.db, post(envelope), SECRET);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
  });

  it("stores a duplicate once and answers it 200", async () => {
    const processId = randomUUID();
    const body = { dossierId: "d-3", processId, status: "failed" };
    const answers = await Promise.all(Array.from({ length: 5 }, () => receiveNotification(database.db, post(body), SECRET)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 202]);
    expect(await inboxRows(processId)).toHaveLength(1);
  });

  it.each([
    ["no Authorization header", {}],
    ["a wrong secret", { authorization: "Bearer not-the-secret-at-all" }],
    ["the secret without Bearer", { authorization: SECRET }],
    ["Basic auth", { authorization: `Basic ${Buffer.from(`x:${SECRET}`).toString("base64")}` }],
  ])("refuses %s with 401, storing nothing but a counter", async (_label, headers) => {
    const processId = randomUUID();
    const before = webhookCounters.unauthorized;
    const answer = await receiveNotification(database.db, post({ dossierId: "d", processId }, headers), SECRET);
    expect(answer.status).toBe(401);
    expect(webhookCounters.unauthorized).toBe(before + 1);
    expect(await inboxRows(processId)).toHaveLength(0);
  });

  it("refuses a body over 64 KiB with 413, even when it lies about its length", async () => {
    const big = JSON.stringify({ dossierId: "d", processId: randomUUID(), padding: "x".repeat(70_000) });
    expect((await receiveNotification(database.db, post(big), SECRET)).status).toBe(413);
    const chunked = new Request("http://desk.test/api/webhooks/assure", {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}` },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 100; i++) controller.enqueue(new Uint8Array(1024).fill(32));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect((await receiveNotification(database.db, chunked, SECRET)).status).toBe(413);
  });

  it.each([
    ["not JSON", "{not json", /not JSON/],
    ["an array", "[]", /JSON object/],
    ["no processId", JSON.stringify({ dossierId: "d" }), /processId/],
    ["a numeric id", JSON.stringify({ dossierId: 1, processId: "p" }), /dossierId/],
    ["an envelope without eventData ids", JSON.stringify({ id: "e", eventData: {} }), /eventData/],
    ["empty", "", /not JSON/],
    ["a NUL in an id", JSON.stringify({ dossierId: "d\u0000", processId: "p" }), /NUL/],
    ["a NUL elsewhere", JSON.stringify({ dossierId: "d", processId: "p", note: "\u0000" }), /NUL/],
    ["a control character in an id", JSON.stringify({ dossierId: "d\u0007", processId: "p" }), /printable/],
  ])("answers %s with 400 and a short reason", async (_label, body, reason) => {
    const answer = await receiveNotification(database.db, post(body), SECRET);
    expect(answer.status).toBe(400);
    expect(String(answer.body.error)).toMatch(reason);
    expect(String(answer.body.error).length).toBeLessThanOrEqual(200);
  });

  it("answers 2xx or 4xx to 1,000 arbitrary bodies, never an error", async () => {
    const validish = fc.record(
      {
        dossierId: fc.oneof(fc.string({ unit: "binary" }), fc.uuid(), fc.integer(), fc.constant(null)),
        processId: fc.oneof(fc.string(), fc.uuid(), fc.constant(undefined)),
        status: fc.oneof(fc.string(), fc.constantFrom("accepted", "failed", "bogus")),
        eventData: fc.option(fc.dictionary(fc.string(), fc.jsonValue())),
        id: fc.option(fc.string()),
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.jsonValue({ stringUnit: "binary" }).map((v) => JSON.stringify(v)),
      validish.map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const answer = await receiveNotification(database.db, post(body), SECRET);
        return answer.status >= 200 && answer.status < 500;
      }),
      { numRuns: 1_000 },
    );
  });
});
