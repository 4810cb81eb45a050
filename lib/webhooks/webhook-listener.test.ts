import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import securityHeaders from "../security/security-headers.json";
import { createWebhookListener, isWebhookPost, WEBHOOK_PATH, type WebhookListenerOptions } from "./webhook-listener";

const SECRET = "listener-webhook-secret-0123456789";
let database: TestDatabase;
let server: Server;
let base: string;
let stored = 0;
let options: WebhookListenerOptions;

beforeAll(async () => {
  database = await createTestDatabase();
  const listener = createWebhookListener({
    db: () => options.db(),
    settings: () => options.settings(),
    stored: () => options.stored(),
  });
  server = createServer((request, response) => {
    if (isWebhookPost(request)) listener(request, response);
    else response.writeHead(418).end("not the listener's");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.dispose();
});
beforeEach(() => {
  stored = 0;
  options = {
    db: () => Promise.resolve(database.db),
    settings: () => ({ secret: SECRET, trustedHops: 0 }),
    stored: () => void (stored += 1),
  };
});

function post(body: string, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }) {
  return fetch(`${base}${WEBHOOK_PATH}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const notification = (processId: string) => JSON.stringify({ dossierId: "d-listener", processId, status: "accepted" });
const inboxRows = (processId: string) => database.db.select().from(webhookInbox).where(eq(webhookInbox.processId, processId));

/** A raw request, for what fetch will not send (a body with no length that goes on past the limit). */
function rawPost(chunks: number, chunkBytes: number): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${WEBHOOK_PATH}`, { method: "POST", headers: { authorization: `Bearer ${SECRET}`, "transfer-encoding": "chunked" } }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    // The server answers and closes before the upload ends: the rest of the upload fails, as it should.
    request.on("error", (error) => (error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : reject(error)));
    for (let i = 0; i < chunks; i++) request.write(Buffer.alloc(chunkBytes, 32));
    request.end();
  });
}

describe("the webhook's own listener", () => {
  it("stores the notification before answering 202, with the desk's security headers, and wakes the pump once", async () => {
    const processId = randomUUID();
    const answer = await post(notification(processId), { authorization: `Bearer ${SECRET}`, "x-request-id": "assure-req-1" });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ accepted: true });
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    for (const header of securityHeaders) expect(answer.headers.get(header.key)).toBe(header.value);
    const [row] = await inboxRows(processId);
    expect(row).toMatchObject({ dossierId: "d-listener", hintedStatus: "accepted", state: "received" });
    expect(JSON.stringify(row?.headers)).not.toContain(SECRET);
    expect(row?.headers["x-request-id"]).toBe("assure-req-1");
    expect(stored).toBe(1);

    const again = await post(notification(processId));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true });
    expect(stored).toBe(1);
    expect(await inboxRows(processId)).toHaveLength(1);
  });

  it("refuses a wrong secret with 401 and stores nothing", async () => {
    const processId = randomUUID();
    const answer = await post(notification(processId), { authorization: "Bearer wrong" });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error: "unauthorized" });
    expect(await inboxRows(processId)).toHaveLength(0);
    expect(stored).toBe(0);
  });

  it("answers 503 while ASSURE_WEBHOOK_SECRET is not set", async () => {
    options.settings = () => ({ secret: undefined, trustedHops: 0 });
    const answer = await post(notification(randomUUID()));
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ error: "webhook not configured" });
  });

  it("answers a malformed body 400 with its reason", async () => {
    const answer = await post("{not json");
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: "body is not JSON" });
  });

  it("refuses a body over 64 KiB with 413, declared or not, closes that connection, and goes on serving", async () => {
    const declared = await post(JSON.stringify({ dossierId: "d", processId: "p", padding: "x".repeat(70_000) }));
    expect(declared.status).toBe(413);

    const endless = await rawPost(200, 1024);
    expect(endless.status).toBe(413);
    expect(endless.headers.connection).toBe("close");
    expect(JSON.parse(endless.body)).toEqual({ error: "body larger than 65536 bytes" });

    const processId = randomUUID();
    expect((await post(notification(processId))).status).toBe(202);
  });

  it("answers a failure of the desk (its database) 500 with a reference, never the error's own words, and loses nothing acknowledged", async () => {
    options.db = () => Promise.reject(new Error("connect ECONNREFUSED db.internal:5432 password=hunter2"));
    const answer = await post(notification(randomUUID()), { authorization: `Bearer ${SECRET}`, "x-request-id": "req-db-down" });
    expect(answer.status).toBe(500);
    const body = (await answer.json()) as { error: string; ref: string };
    expect(body.ref).toBe("req-db-down");
    expect(body.error).toContain("req-db-down");
    expect(JSON.stringify(body)).not.toMatch(/hunter2|ECONNREFUSED|db\.internal/);
    expect(stored).toBe(0);
  });

  it("answers each of many notifications at once after its own row is stored", async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const answers = await Promise.all(ids.map((id) => post(notification(id))));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 202));
    const rows = await Promise.all(ids.map((id) => inboxRows(id)));
    expect(rows.map((r) => r.length)).toEqual(ids.map(() => 1));
    expect(stored).toBe(40);
  });
});

describe("isWebhookPost", () => {
  const message = (method: string, url: string) => ({ method, url }) as IncomingMessage;

  it("takes the POST to the webhook's path (with or without a query) and leaves everything else to Next.js", () => {
    expect(isWebhookPost(message("POST", WEBHOOK_PATH))).toBe(true);
    expect(isWebhookPost(message("POST", `${WEBHOOK_PATH}?source=assure`))).toBe(true);
    expect(isWebhookPost(message("GET", WEBHOOK_PATH))).toBe(false);
    expect(isWebhookPost(message("POST", `${WEBHOOK_PATH}/`))).toBe(false);
    expect(isWebhookPost(message("POST", `${WEBHOOK_PATH}x`))).toBe(false);
    expect(isWebhookPost(message("POST", "/api/webhooks"))).toBe(false);
  });
});
