/**
 * The client's failure handling against the simulator's real failures: refused credentials, expired tokens,
 * unknown resources, injected 5xx answers, slow answers and an outage (lib/assure/README.md "Authentication", "Errors and retries";
 * lib/assure/http.ts for which failures are retried).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AssureApiError,
  AssureAuthError,
  AssureTimeoutError,
  AssureUnavailableError,
  isAssureNotFound,
} from "../../lib/assure";
import { caught, jpegDataUrl, onfidoProcess, startContractSimulator, tinyJpeg, type ContractSimulator } from "./contract-support";

let t: ContractSimulator;
beforeAll(async () => {
  t = await startContractSimulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control("DELETE", "/faults");
});

async function setFaults(faults: Record<string, unknown>) {
  const answer = await t.control("PUT", "/faults", faults);
  expect(answer.status).toBe(200);
}

describe("token", () => {
  it("is asked for once and reused by later calls", async () => {
    const assure = t.client();
    const before = await t.requestsTo("token");
    await assure.createDossier();
    await assure.listDossiers();
    await assure.getDocumentTypes();
    expect(await t.requestsTo("token")).toBe(before + 1);
  });

  it("a bad client secret is an AssureAuthError with oauthError invalid_client, and no API call is made", async () => {
    const before = await t.requestsTo("listDossiers");
    const error = await caught(t.client({ clientSecret: "not-the-secret" }).listDossiers());
    expect(error).toBeInstanceOf(AssureAuthError);
    expect(error).toMatchObject({ status: 401, oauthError: "invalid_client" });
    expect((error as Error).message).not.toContain("not-the-secret");
    expect(await t.requestsTo("listDossiers")).toBe(before);
  });

  it("credentials with characters that need encoding are sent as client_secret_basic expects", async () => {
    const clientId = "desk:client@example";
    const clientSecret = "p@ss w+rd:é~*'()%";
    const other = await startContractSimulator({ clientId, clientSecret });
    try {
      expect(Array.isArray(await other.client({ clientId, clientSecret }).listDossiers())).toBe(true);
      expect(await caught(other.client({ clientId, clientSecret: "p@ss w+rd:e~*'()%" }).listDossiers())).toBeInstanceOf(AssureAuthError);
    } finally {
      await other.close();
    }
  });

  it("an unknown client id is refused the same way", async () => {
    const error = await caught(t.client({ clientId: "someone-else" }).createDossier());
    expect(error).toBeInstanceOf(AssureAuthError);
    expect((error as AssureAuthError).oauthError).toBe("invalid_client");
  });

  it("a scope the endpoint does not offer is an AssureAuthError with invalid_scope", async () => {
    const error = await caught(t.client({ scope: "other-api" }).listDossiers());
    expect(error).toBeInstanceOf(AssureAuthError);
    expect(error).toMatchObject({ status: 400, oauthError: "invalid_scope" });
  });

  it("an expired token (401) is refreshed once and the call succeeds", async () => {
    const assure = t.client();
    const dossier = await assure.createDossier();
    const tokensBefore = await t.requestsTo("token");
    const getsBefore = await t.requestsTo("getDossier");
    expect((await t.control("POST", "/tokens/expire")).status).toBe(204);

    expect((await assure.getDossier(dossier.dossierId)).dossierId).toBe(dossier.dossierId);
    expect(await t.requestsTo("token")).toBe(tokensBefore + 1);
    // The refused attempt and the repeat with the new token.
    expect(await t.requestsTo("getDossier")).toBe(getsBefore + 2);
    // The new token is kept.
    await assure.getDossier(dossier.dossierId);
    expect(await t.requestsTo("token")).toBe(tokensBefore + 1);
  });

  it("a short-lived token is renewed before it expires, without a refused call", async () => {
    expect((await t.control("PUT", "/config", { tokenExpiresIn: 1 })).status).toBe(200);
    try {
      const assure = t.client();
      const dossier = await assure.createDossier();
      const tokensBefore = await t.requestsTo("token");
      const getsBefore = await t.requestsTo("getDossier");
      // The client uses a 1 s token for half its life at most.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await assure.getDossier(dossier.dossierId);
      expect(await t.requestsTo("token")).toBe(tokensBefore + 1);
      expect(await t.requestsTo("getDossier")).toBe(getsBefore + 1);
    } finally {
      await t.control("PUT", "/config", { tokenExpiresIn: 600 });
    }
  });

  it("calls refused together after an expiry share one refresh", async () => {
    const assure = t.client();
    const dossier = await assure.createDossier();
    const tokensBefore = await t.requestsTo("token");
    await t.control("POST", "/tokens/expire");
    const answers = await Promise.all(Array.from({ length: 6 }, () => assure.getDossier(dossier.dossierId)));
    expect(answers.every((d) => d.dossierId === dossier.dossierId)).toBe(true);
    expect(await t.requestsTo("token")).toBe(tokensBefore + 1);
  });

  it("a POST refused with 401 is repeated once with the new token, and creates one dossier", async () => {
    const assure = t.client();
    await assure.listDossiers();
    const countBefore = (await assure.listDossiers()).length;
    await t.control("POST", "/tokens/expire");
    await assure.createDossier();
    expect((await assure.listDossiers()).length).toBe(countBefore + 1);
  });

  it("a token endpoint failing with 503 is retried", async () => {
    await setFaults({ endpoints: { token: { errorRate: 1, errorStatus: 503 } } });
    const assure = t.client({ maxRetries: 2 });
    const error = await caught(assure.listDossiers());
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect(error).toMatchObject({ status: 503, attempts: 3 });
  });
});

describe("Assure's errors", () => {
  it("an unknown dossier is an AssureApiError 404 with Assure's problem fields", async () => {
    const error = await caught(t.client().getDossier("00000000-0000-4000-8000-000000000000"));
    expect(error).toBeInstanceOf(AssureApiError);
    expect(isAssureNotFound(error)).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      operation: "getDossier",
      method: "GET",
      path: "/dossiers/00000000-0000-4000-8000-000000000000",
      type: "base:client-problem",
      title: "Not found.",
      invalidParams: [],
    });
    const apiError = error as AssureApiError;
    expect(apiError.detail).toContain("00000000-0000-4000-8000-000000000000");
    expect(apiError.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(apiError.message).toContain(apiError.traceId);
  });

  it("a 404 is not retried", async () => {
    const before = await t.requestsTo("getProcess");
    const assure = t.client({ maxRetries: 3 });
    const dossier = await assure.createDossier();
    await caught(assure.getProcess(dossier.dossierId, "no-such-process"));
    expect(await t.requestsTo("getProcess")).toBe(before + 1);
  });
});

describe("server errors and retries", () => {
  it("a GET failing with injected 500s succeeds after retries", async () => {
    // 16 calls at rate 0.4 with 12 retries each: some attempt fails (but for 0.6^16) and no call runs out (but for 0.4^13 each).
    const assure = t.client({ maxRetries: 12 });
    const dossier = await assure.createDossier();
    await setFaults({ endpoints: { getDossier: { errorRate: 0.4, errorStatus: 500 } } });
    const before = await t.control("GET", "/stats");
    const calls = 16;
    for (let i = 0; i < calls; i++) expect((await assure.getDossier(dossier.dossierId)).dossierId).toBe(dossier.dossierId);
    const after = await t.control("GET", "/stats");
    const injected = after.body.requests.injectedErrors - before.body.requests.injectedErrors;
    const attempts = after.body.requests.byEndpoint.getDossier - (before.body.requests.byEndpoint.getDossier ?? 0);
    // Some attempts failed, every failure was repeated, and every call ended in success.
    expect(injected).toBeGreaterThan(0);
    expect(attempts).toBe(calls + injected);
  });

  it("a GET that keeps failing is an AssureUnavailableError carrying Assure's problem, after 1 + maxRetries attempts", async () => {
    const assure = t.client({ maxRetries: 2 });
    await assure.listDossiers();
    await setFaults({ endpoints: { listDossiers: { errorRate: 1, errorStatus: 500 } } });
    const before = await t.requestsTo("listDossiers");
    const error = await caught(assure.listDossiers());
    expect(error).toBeInstanceOf(AssureUnavailableError);
    const unavailable = error as AssureUnavailableError;
    expect(unavailable).toMatchObject({ status: 500, attempts: 3 });
    expect(unavailable.problem).toMatchObject({ status: 500, title: "Internal server error.", type: "base:server-problem" });
    expect(unavailable.problem?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await t.requestsTo("listDossiers")).toBe(before + 3);
  });

  it("a POST answered 500 is not repeated: the error reaches the caller after one attempt", async () => {
    const assure = t.client({ maxRetries: 3 });
    await assure.listDossiers();
    const dossiersBefore = (await assure.listDossiers()).length;
    await setFaults({ endpoints: { createDossier: { errorRate: 1, errorStatus: 500 } } });
    const before = await t.requestsTo("createDossier");
    const error = await caught(assure.createDossier());
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect(await t.requestsTo("createDossier")).toBe(before + 1);
    await t.control("DELETE", "/faults");
    expect((await assure.listDossiers()).length).toBe(dossiersBefore);
  });

  it("a POST answered 503 (refused before doing anything) is repeated", async () => {
    const assure = t.client({ maxRetries: 2 });
    await assure.listDossiers();
    await setFaults({ endpoints: { createDossier: { errorRate: 1, errorStatus: 503 } } });
    const before = await t.requestsTo("createDossier");
    const error = await caught(assure.createDossier());
    expect(error).toMatchObject({ status: 503, attempts: 3 });
    expect(await t.requestsTo("createDossier")).toBe(before + 3);
  });

  it("a create process refused with 503 succeeds on its repeat and creates one process", async () => {
    // The fault is lifted while the client waits before its retry.
    const assure = t.client({ maxRetries: 2 }, { sleep: async () => void (await t.control("DELETE", "/faults")) });
    const dossier = await assure.createDossier();
    await setFaults({ endpoints: { createProcess: { errorRate: 1, errorStatus: 503 } } });
    const before = await t.requestsTo("createProcess");
    const process = await assure.createProcess(dossier.dossierId, onfidoProcess());
    expect(await t.requestsTo("createProcess")).toBe(before + 2);
    expect((await assure.getDossier(dossier.dossierId)).processes?.map((p) => p.processId)).toEqual([process.processId]);
  });

  it("set images, which replaces, is repeated after a 500", async () => {
    const assure = t.client({ maxRetries: 2 }, { sleep: async () => void (await t.control("DELETE", "/faults")) });
    const dossier = await assure.createDossier();
    const process = await assure.createProcess(dossier.dossierId, onfidoProcess());
    await setFaults({ endpoints: { setImages: { errorRate: 1, errorStatus: 500 } } });
    const before = await t.requestsTo("setImages");
    const front = tinyJpeg(7);
    await assure.setImages(dossier.dossierId, process.processId, { front: jpegDataUrl(front) });
    expect(await t.requestsTo("setImages")).toBe(before + 2);
    expect((await assure.getImage(dossier.dossierId, process.processId, "front"))?.bytes).toEqual(front);
  });

  it("the other endpoints are untouched by one endpoint's faults", async () => {
    const assure = t.client({ maxRetries: 0 });
    await setFaults({ endpoints: { getDossier: { errorRate: 1, errorStatus: 500 } } });
    expect(Array.isArray(await assure.listDossiers())).toBe(true);
    expect(await caught(assure.getDossier("any"))).toBeInstanceOf(AssureUnavailableError);
  });
});

describe("time-outs", () => {
  it("an answer slower than timeoutMs is an AssureTimeoutError", async () => {
    const assure = t.client({ timeoutMs: 150, maxRetries: 0 });
    await assure.listDossiers();
    await setFaults({ endpoints: { listDossiers: { latencyMs: 1000 } } });
    const started = Date.now();
    const error = await caught(assure.listDossiers());
    expect(error).toBeInstanceOf(AssureTimeoutError);
    expect(error).toMatchObject({ operation: "listDossiers", timeoutMs: 150, attempts: 1 });
    // The client gave up at its time-out, not when the answer finally came.
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("a GET that times out is retried; a slow POST is not", async () => {
    const assure = t.client({ timeoutMs: 150, maxRetries: 1 });
    await assure.listDossiers();
    await setFaults({ latencyMs: 1000 });
    const gets = await t.requestsTo("listDossiers");
    expect(await caught(assure.listDossiers())).toMatchObject({ name: "AssureTimeoutError", attempts: 2 });
    expect(await t.requestsTo("listDossiers")).toBe(gets + 2);
    const posts = await t.requestsTo("createDossier");
    expect(await caught(assure.createDossier())).toMatchObject({ name: "AssureTimeoutError", attempts: 1 });
    expect(await t.requestsTo("createDossier")).toBe(posts + 1);
  });

  it("below the time-out the same latency is only slow", async () => {
    const assure = t.client({ timeoutMs: 2000, maxRetries: 0 });
    await assure.listDossiers();
    await setFaults({ endpoints: { listDossiers: { latencyMs: 200 } } });
    expect(Array.isArray(await assure.listDossiers())).toBe(true);
  });
});

describe("outage", () => {
  it("connections closed without an answer are an AssureUnavailableError after the retries, and calls work again after", async () => {
    const assure = t.client({ maxRetries: 2 });
    await assure.listDossiers();
    await setFaults({ down: { seconds: 30, mode: "connection" } });
    const dropsBefore = (await t.control("GET", "/stats")).body.requests.droppedConnections;
    const error = await caught(assure.listDossiers());
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect(error).toMatchObject({ operation: "listDossiers", status: undefined, attempts: 3 });
    expect((await t.control("GET", "/stats")).body.requests.droppedConnections - dropsBefore).toBe(3);

    // A POST cut off mid-request may have been carried out: it is not repeated.
    const postError = await caught(assure.createDossier());
    expect(postError).toMatchObject({ name: "AssureUnavailableError", attempts: 1 });

    await t.control("DELETE", "/faults");
    expect(Array.isArray(await assure.listDossiers())).toBe(true);
  });

  it("an outage answering 503 is an AssureUnavailableError with status 503", async () => {
    const assure = t.client({ maxRetries: 1 });
    await assure.listDossiers();
    await setFaults({ down: { seconds: 30, mode: "503" } });
    expect(await caught(assure.getDocumentTypes())).toMatchObject({ name: "AssureUnavailableError", status: 503, attempts: 2 });
  });

  it("nothing listening at all is an AssureUnavailableError", async () => {
    const closed = await startContractSimulator();
    await closed.close();
    const assure = closed.client({ maxRetries: 1 });
    const error = await caught(assure.listDossiers());
    expect(error).toBeInstanceOf(AssureUnavailableError);
    expect((error as Error).message).toContain("ECONNREFUSED");
  });
});
