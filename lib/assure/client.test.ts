import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAssureClient, RESULT_DOWNLOAD_MAX_BYTES, type AssureClientOptions } from "./client";
import type { AssureConfigInput } from "./config";
import { AssureApiError, AssureBodyTooLargeError, AssureResponseError, AssureTimeoutError, AssureUnavailableError, isAssureNotFound } from "./errors";
import { imageToDataUrl } from "./images";
import {
  bearerOf,
  sendJson,
  startAssureTestServer,
  TEST_CLIENT_SECRET,
  testConfig,
  type Handler,
  type TestServer,
} from "./test-server";

const fixtures = join(__dirname, "../../tests/fixtures/assure");
const ACCEPTED = JSON.parse(readFileSync(join(fixtures, "process-accepted.json"), "utf8")) as Record<string, unknown>;
const ERROR_400 = JSON.parse(readFileSync(join(fixtures, "error-400.json"), "utf8")) as Record<string, unknown>;
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(api: Handler, config: Partial<AssureConfigInput> = {}, options: AssureClientOptions = {}) {
  const server = await startAssureTestServer(api);
  servers.push(server);
  const sleeps: number[] = [];
  const client = createAssureClient(
    // A trailing slash on the base URL is tolerated.
    { ...testConfig(server.url), baseUrl: `${server.url}/assure/`, ...config },
    { sleep: async (ms) => void sleeps.push(ms), retryBaseDelayMs: 10, retryMaxDelayMs: 40, ...options },
  );
  return { server, client, sleeps, apiRequests: () => server.requestsTo("/assure") };
}

/** Answers from a script, one per request; the last one repeats. */
function scripted(...steps: Handler[]): Handler {
  let i = 0;
  return (request, response) => steps[Math.min(i++, steps.length - 1)]!(request, response);
}
const status = (code: number, body: unknown = {}, headers?: Record<string, string>): Handler =>
  (_request, response) => sendJson(response, code, body, headers);
const hang: Handler = () => {};
const dropConnection: Handler = (_request, response) => void response.socket?.destroy();

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("expected a rejection"),
    (error: unknown) => error,
  );
}

function expectNoSecrets(error: unknown): void {
  const text = `${(error as Error).message} ${JSON.stringify(error)}`;
  expect(text).not.toContain(TEST_CLIENT_SECRET);
  expect(text).not.toMatch(/tok-\d/);
}

describe("endpoints", () => {
  it("create process posts JSON and reads the process, unknown fields kept", async () => {
    const { client, apiRequests } = await setup(status(201, { ...ACCEPTED, status: "pending", newField: 1 }));
    const request = { provider: "onfido", processType: "documentSelfie" as const, processParameters: { location: { countryOfResidence: "PRT" } } };
    const process = await client.createProcess("d-1", request);
    expect(process).toMatchObject({ status: "pending", newField: 1 });
    const [sent] = apiRequests();
    expect([sent!.method, sent!.path, sent!.headers["content-type"]]).toEqual(["POST", "/assure/dossiers/d-1/processes", "application/json"]);
    expect(JSON.parse(sent!.body)).toEqual(request);
  });

  it("create, list, get and delete dossiers", async () => {
    const { client, apiRequests } = await setup((request, response) => {
      if (request.method === "POST") return sendJson(response, 201, { dossierId: "d-1", createdAt: "2024-01-02T03:04:05Z" });
      if (request.method === "DELETE") return request.path.endsWith("/gone") ? sendJson(response, 404, {}) : void response.writeHead(204).end();
      if (request.path === "/assure/dossiers") return sendJson(response, 200, [{ dossierId: "d-1" }, { dossierId: "d-2" }]);
      return sendJson(response, 200, { dossierId: "d-1", processes: [ACCEPTED] });
    });
    expect(await client.createDossier()).toMatchObject({ dossierId: "d-1" });
    expect((await client.listDossiers()).map((d) => d.dossierId)).toEqual(["d-1", "d-2"]);
    expect((await client.getDossier("d-1")).processes).toHaveLength(1);
    expect(await client.deleteDossier("d-1")).toBe(true);
    expect(await client.deleteDossier("gone")).toBe(false);
    expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /assure/dossiers",
      "GET /assure/dossiers",
      "GET /assure/dossiers/d-1",
      "DELETE /assure/dossiers/d-1",
      "DELETE /assure/dossiers/gone",
    ]);
  });

  it("escapes ids in paths", async () => {
    const { client, apiRequests } = await setup(status(200, ACCEPTED));
    await client.getProcess("a/b", "c?d");
    expect(apiRequests()[0]!.path).toBe("/assure/dossiers/a%2Fb/processes/c%3Fd");
  });

  it("set images posts data URLs; an image set that is not one fails before any request", async () => {
    const { client, apiRequests } = await setup((_request, response) => void response.writeHead(204).end());
    const front = imageToDataUrl({ contentType: "image/jpeg", bytes: JPEG });
    await client.setImages("d-1", "p-1", { front });
    expect(apiRequests()[0]!.path).toBe("/assure/dossiers/d-1/processes/p-1/images");
    expect(JSON.parse(apiRequests()[0]!.body)).toEqual({ front });

    await expect(client.setImages("d-1", "p-1", {})).rejects.toThrow(TypeError);
    await expect(client.setImages("d-1", "p-1", { selfie: "not-a-data-url" })).rejects.toThrow(/selfie: must be a base64 data URL/);
    expect(apiRequests()).toHaveLength(1);
  });

  it("add dossier files posts data URLs to the dossier", async () => {
    const { client, apiRequests } = await setup((_request, response) => void response.writeHead(204).end());
    await client.addDossierFiles("d-1", { selfie: imageToDataUrl({ contentType: "image/jpeg", bytes: JPEG }) });
    expect(`${apiRequests()[0]!.method} ${apiRequests()[0]!.path}`).toBe("POST /assure/dossiers/d-1/files");
  });

  it("start verification returns the process it answers with", async () => {
    const { client, apiRequests } = await setup(status(200, { ...ACCEPTED, status: "processing" }));
    expect(await client.startVerification("d-1", "p-1")).toMatchObject({ status: "processing" });
    expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /assure/dossiers/d-1/processes/p-1"]);
  });

  it("start verification answered without a process reads the process instead", async () => {
    const { client, apiRequests } = await setup(
      scripted((_request, response) => void response.writeHead(204).end(), status(200, { ...ACCEPTED, status: "processing" })),
    );
    expect(await client.startVerification("d-1", "p-1")).toMatchObject({ status: "processing" });
    expect(apiRequests().map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("get image returns the bytes and their content type; null when absent", async () => {
    const { client, apiRequests } = await setup((request, response) => {
      if (request.path.endsWith("/portrait")) return sendJson(response, 404, { status: 404, title: "Not Found" });
      response.writeHead(200, { "Content-Type": "image/jpeg" });
      response.end(Buffer.from(JPEG));
    });
    const image = await client.getImage("d-1", "p-1", "front");
    expect(image).toEqual({ contentType: "image/jpeg", bytes: JPEG });
    expect(await client.getImage("d-1", "p-1", "portrait")).toBeNull();
    expect(apiRequests().map((r) => r.path)).toEqual([
      "/assure/dossiers/d-1/processes/p-1/images/front",
      "/assure/dossiers/d-1/processes/p-1/images/portrait",
    ]);
  });

  it("get image also reads a JSON answer carrying a data URL", async () => {
    const { client } = await setup(status(200, { selfie: imageToDataUrl({ contentType: "image/png", bytes: JPEG }) }));
    expect(await client.getImage("d-1", "p-1", "selfie")).toEqual({ contentType: "image/png", bytes: JPEG });
  });

  it("download result returns the zip; 404 is null and not retried", async () => {
    const { client, apiRequests } = await setup((request, response) => {
      if (request.path.includes("/p-failed/")) return sendJson(response, 404, { status: 404, title: "No result" });
      response.writeHead(200, { "Content-Type": "application/zip" });
      response.end(Buffer.from(ZIP));
    });
    expect(await client.downloadResult("d-1", "p-1")).toEqual(ZIP);
    expect(await client.downloadResult("d-1", "p-failed")).toBeNull();
    expect(apiRequests().map((r) => r.path)).toEqual([
      "/assure/dossiers/d-1/processes/p-1/result",
      "/assure/dossiers/d-1/processes/p-failed/result",
    ]);
  });

  it("download result reads at most maxBytes, declared or streamed, and does not retry past it", async () => {
    const big = new Uint8Array(300_000);
    big.set(ZIP);
    const { client, apiRequests } = await setup((request, response) => {
      if (request.path.includes("/p-declared/")) {
        response.writeHead(200, { "Content-Type": "application/zip", "Content-Length": String(big.length) });
        return void response.end(Buffer.from(big));
      }
      // No Content-Length: chunked, so only counting the stream finds it too long.
      response.writeHead(200, { "Content-Type": "application/zip" });
      for (let at = 0; at < big.length; at += 16_384) response.write(Buffer.from(big.subarray(at, at + 16_384)));
      response.end();
    });
    for (const processId of ["p-declared", "p-streamed"]) {
      const error = await caught(client.downloadResult("d-1", processId, { maxBytes: 100_000 }));
      expect(error, processId).toBeInstanceOf(AssureBodyTooLargeError);
      expect(error).toMatchObject({ operation: "downloadResult", limitBytes: 100_000 });
    }
    expect(apiRequests()).toHaveLength(2);
    // At the cap exactly, and by default (64 MiB), the same zip is read whole.
    expect(await client.downloadResult("d-1", "p-streamed", { maxBytes: big.length })).toEqual(big);
    expect(await client.downloadResult("d-1", "p-declared")).toEqual(big);
    expect(RESULT_DOWNLOAD_MAX_BYTES).toBe(64 * 1024 * 1024);
  });

  it("download result that is not a zip is an AssureResponseError", async () => {
    const { client } = await setup(status(200, ACCEPTED));
    const error = await caught(client.downloadResult("d-1", "p-1"));
    expect(error).toBeInstanceOf(AssureResponseError);
    expect((error as Error).message).toMatch(/downloadResult .* not a zip/);
  });

  it("document types", async () => {
    const { client, apiRequests } = await setup(status(200, [{ documentType: "passport", countries: ["NOR", "PRT"] }]));
    expect(await client.getDocumentTypes()).toEqual([{ documentType: "passport", countries: ["NOR", "PRT"] }]);
    expect(apiRequests()[0]!.path).toBe("/assure/onfido/document-types");
  });

  it("a body that is not a process is an AssureResponseError naming what is wrong, not the data", async () => {
    const { client } = await setup(status(200, { finalResult: { firstName: "MARIA PAULA" }, status: "accepted" }));
    const error = await caught(client.getProcess("d-1", "p-1"));
    expect(error).toBeInstanceOf(AssureResponseError);
    expect((error as Error).message).toBe(
      "Assure getProcess answered with a body that is not a process: processId: Invalid input: expected string, received undefined",
    );
    expect((error as Error).message).not.toContain("MARIA");
  });

  it("a body that is not JSON is an AssureResponseError", async () => {
    const { client } = await setup((_request, response) => void response.writeHead(200, { "Content-Type": "text/html" }).end("<html>"));
    await expect(client.getDossier("d-1")).rejects.toThrow("Assure getDossier answered with a body that is not a dossier: the body is not JSON");
  });
});

describe("errors", () => {
  it("a problem body becomes an AssureApiError with Assure's fields", async () => {
    const problem = {
      ...ERROR_400,
      title: "Validation failed.",
      detail: "Location is required.",
      code: "validation-error",
      invalidParams: [{ name: "processParameters.location", reason: "must be present" }],
    };
    const { client, apiRequests } = await setup(status(400, problem));
    const error = await caught(client.startVerification("d-1", "p-1"));
    expect(error).toBeInstanceOf(AssureApiError);
    expect(error).toMatchObject({
      operation: "startVerification",
      method: "POST",
      status: 400,
      type: "base:client-problem",
      title: "Validation failed.",
      detail: "Location is required.",
      traceId: "034fb8bbc5da31f4dd2cf66e70ef313c",
      code: "validation-error",
      invalidParams: [{ name: "processParameters.location", reason: "must be present" }],
    });
    expect((error as Error).message).toBe(
      "Assure startVerification answered 400 — Validation failed. Location is required." +
        " — invalid: processParameters.location: must be present — traceId 034fb8bbc5da31f4dd2cf66e70ef313c",
    );
    expectNoSecrets(error);
    expect(apiRequests()).toHaveLength(1);
  });

  it("a 404 is an AssureApiError that isAssureNotFound recognises, and is not retried", async () => {
    const { client, apiRequests } = await setup(status(404, { status: 404, title: "Process not found" }));
    const error = await caught(client.getProcess("d-1", "p-x"));
    expect(isAssureNotFound(error)).toBe(true);
    expect(apiRequests()).toHaveLength(1);
  });

  it("a body that is not JSON still gives a useful AssureApiError", async () => {
    const { client } = await setup((_request, response) =>
      void response.writeHead(403, "Forbidden", { "Content-Type": "text/html" }).end("<html><body>Request blocked by firewall</body></html>"),
    );
    const error = await caught(client.listDossiers());
    expect(error).toBeInstanceOf(AssureApiError);
    expect(error).toMatchObject({ status: 403, title: "Forbidden", invalidParams: [] });
    expect((error as AssureApiError).bodyText).toContain("Request blocked by firewall");
    expect((error as Error).message).toBe("Assure listDossiers answered 403 — Forbidden");
  });
});

describe("retries", () => {
  it("a GET answered 5xx is repeated and then succeeds", async () => {
    const { client, apiRequests, sleeps } = await setup(scripted(status(502, { title: "Bad Gateway" }), status(200, ACCEPTED)));
    await expect(client.getProcess("d-1", "p-1")).resolves.toMatchObject({ status: "accepted" });
    expect(apiRequests()).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(5);
    expect(sleeps[0]).toBeLessThanOrEqual(10);
  });

  it("Retry-After is honoured, up to its cap", async () => {
    const { client, sleeps } = await setup(
      scripted(status(429, {}, { "Retry-After": "2" }), status(503, {}, { "Retry-After": "3600" }), status(200, ACCEPTED)),
      {},
      { retryAfterMaxMs: 5_000 },
    );
    await client.getProcess("d-1", "p-1");
    expect(sleeps).toEqual([2_000, 5_000]);
  });

  it("a GET failing every time ends in AssureUnavailableError after 1 + maxRetries attempts", async () => {
    const { client, apiRequests, sleeps } = await setup(status(500, { status: 500, title: "Internal Server Error", traceId: "t-500" }));
    const error = await caught(client.getDossier("d-1"));
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect(error).toMatchObject({ status: 500, attempts: 3 });
    expect((error as AssureUnavailableError).problem?.traceId).toBe("t-500");
    expect((error as Error).message).toBe("Assure getDossier is unavailable: answered 500 Internal Server Error (3 attempts)");
    expect(apiRequests()).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThanOrEqual(10); // doubled
    expectNoSecrets(error);
  });

  it("a POST answered 500 is not repeated: it may have been carried out", async () => {
    const { client, apiRequests } = await setup(status(500, { title: "Internal Server Error" }));
    const error = await caught(client.createProcess("d-1", { provider: "onfido", processType: "document" }));
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect(apiRequests()).toHaveLength(1);
  });

  it("a POST answered 503 or 429 is repeated: it was refused before being carried out", async () => {
    const { client, apiRequests } = await setup(scripted(status(503), status(429), status(201, { dossierId: "d-1" })));
    await expect(client.createDossier()).resolves.toMatchObject({ dossierId: "d-1" });
    expect(apiRequests()).toHaveLength(3);
  });

  it("a dropped connection is repeated for a GET, not for a POST", async () => {
    const get = await setup(scripted(dropConnection, status(200, ACCEPTED)));
    await expect(get.client.getProcess("d-1", "p-1")).resolves.toMatchObject({ status: "accepted" });
    expect(get.apiRequests()).toHaveLength(2);

    const post = await setup(dropConnection);
    const error = await caught(post.client.startVerification("d-1", "p-1"));
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect(error).toMatchObject({ status: undefined, attempts: 1 });
    expect(post.apiRequests()).toHaveLength(1);
  });

  it("uploads that replace are repeated after a dropped connection", async () => {
    const { client, apiRequests } = await setup(scripted(dropConnection, (_request, response) => void response.writeHead(204).end()));
    await client.setImages("d-1", "p-1", { back: imageToDataUrl({ contentType: "image/jpeg", bytes: JPEG }) });
    expect(apiRequests()).toHaveLength(2);
  });

  it("an unreachable server is an AssureUnavailableError", async () => {
    const { client, server } = await setup(status(200, ACCEPTED), { maxRetries: 1 });
    await client.getProcess("d-1", "p-1"); // token now cached
    await server.close();
    const error = await caught(client.getProcess("d-1", "p-1"));
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect((error as Error).message).toMatch(/^Assure getProcess is unavailable: fetch failed \(ECONNREFUSED\) \(2 attempts\)$/);
  });
});

describe("time-outs", () => {
  it("an answer slower than timeoutMs is an AssureTimeoutError after the retries", async () => {
    const { client, apiRequests } = await setup(hang, { timeoutMs: 150, maxRetries: 1 });
    const started = Date.now();
    const error = await caught(client.getProcess("d-1", "p-1"));
    expect(error).toBeInstanceOf(AssureTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, attempts: 2 });
    expect((error as Error).message).toBe("Assure getProcess timed out after 150 ms (2 attempts)");
    expect(apiRequests()).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a POST that times out is not repeated", async () => {
    const { client, apiRequests } = await setup(hang, { timeoutMs: 150, maxRetries: 2 });
    await expect(client.createDossier()).rejects.toThrow(AssureTimeoutError);
    expect(apiRequests()).toHaveLength(1);
  });

  it("a body that stalls after the headers times out too", async () => {
    const { client } = await setup(
      (_request, response) => {
        response.writeHead(200, { "Content-Type": "application/zip" });
        response.write(Buffer.from(ZIP));
      },
      { timeoutMs: 150, maxRetries: 0 },
    );
    await expect(client.downloadResult("d-1", "p-1")).rejects.toThrow(AssureTimeoutError);
  });

  it("keeps the bearer token out of every request but the API's", async () => {
    const { client, server } = await setup(status(200, ACCEPTED));
    await client.getProcess("d-1", "p-1");
    expect(server.requestsTo("/token")[0]!.headers.authorization).toMatch(/^Basic /);
    expect(bearerOf(server.requestsTo("/assure")[0]!)).toBe("tok-1");
  });
});
