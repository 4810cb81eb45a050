import { afterEach, describe, expect, it } from "vitest";
import { createAssureClient, type AssureClientOptions } from "./client";
import { AssureApiError, AssureAuthError } from "./errors";
import {
  bearerOf,
  sendJson,
  startAssureTestServer,
  startTestServer,
  TEST_CLIENT_SECRET,
  testConfig,
  type Handler,
  type TestServer,
  type TokenEndpointOptions,
} from "./test-server";

const PROCESS = { processId: "p-1", status: "pending", provider: "onfido" };
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(api: Handler, token?: TokenEndpointOptions, options: AssureClientOptions = {}) {
  const server = await startAssureTestServer(api, token);
  servers.push(server);
  const client = createAssureClient(testConfig(server.url), { sleep: async () => {}, ...options });
  const tokenRequests = () => server.requestsTo("/token");
  return { server, client, tokenRequests, apiRequests: () => server.requestsTo("/assure") };
}

const okProcess: Handler = (_request, response) => sendJson(response, 200, PROCESS);

describe("access token", () => {
  it("is asked for with Basic credentials and a client-credentials form, then reused", async () => {
    const { client, tokenRequests, apiRequests } = await setup(okProcess);
    await client.getProcess("d-1", "p-1");
    await client.getProcess("d-1", "p-1");

    expect(tokenRequests()).toHaveLength(1);
    const [tokenRequest] = tokenRequests();
    expect(tokenRequest!.method).toBe("POST");
    expect(tokenRequest!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(tokenRequest!.body))).toEqual({ grant_type: "client_credentials", scope: "signicat-api" });
    expect(apiRequests().map(bearerOf)).toEqual(["tok-1", "tok-1"]);
    expect(apiRequests()[0]!.path).toBe("/assure/dossiers/d-1/processes/p-1");
  });

  it("is refreshed shortly before it expires", async () => {
    let now = Date.parse("2024-05-01T12:00:00Z");
    const { client, apiRequests } = await setup(okProcess, { expiresIn: 120 }, { now: () => now, tokenRefreshMarginMs: 30_000 });
    await client.getProcess("d-1", "p-1");
    now += 89_000; // 31 s before expiry: still good
    await client.getProcess("d-1", "p-1");
    now += 2_000; // 29 s before expiry: inside the margin
    await client.getProcess("d-1", "p-1");
    expect(apiRequests().map(bearerOf)).toEqual(["tok-1", "tok-1", "tok-2"]);
  });

  it("is fetched once for concurrent callers", async () => {
    const { client, tokenRequests, apiRequests } = await setup(okProcess, { delayMs: 50 });
    await Promise.all(Array.from({ length: 8 }, () => client.getProcess("d-1", "p-1")));
    expect(tokenRequests()).toHaveLength(1);
    expect(new Set(apiRequests().map(bearerOf))).toEqual(new Set(["tok-1"]));
  });

  it("is refreshed after a 401 and the request repeated once", async () => {
    const { client, tokenRequests, apiRequests } = await setup((request, response) =>
      bearerOf(request) === "tok-1" ? sendJson(response, 401, { status: 401, title: "Unauthorized" }) : okProcess(request, response),
    );
    await expect(client.getProcess("d-1", "p-1")).resolves.toMatchObject({ processId: "p-1" });
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().map(bearerOf)).toEqual(["tok-1", "tok-2"]);
  });

  it("repeats a POST after a 401 too: the request was refused at the door", async () => {
    const { client, apiRequests } = await setup((request, response) =>
      bearerOf(request) === "tok-1" ? sendJson(response, 401, {}) : sendJson(response, 201, PROCESS),
    );
    await client.createProcess("d-1", { provider: "onfido", processType: "document" });
    expect(apiRequests().map((r) => [r.method, bearerOf(r)])).toEqual([["POST", "tok-1"], ["POST", "tok-2"]]);
  });

  it("is refreshed once when concurrent requests are refused with the same token", async () => {
    const { client, tokenRequests } = await setup(
      (request, response) => (bearerOf(request) === "tok-1" ? sendJson(response, 401, {}) : okProcess(request, response)),
      { delayMs: 20 },
    );
    await Promise.all(Array.from({ length: 5 }, () => client.getProcess("d-1", "p-1")));
    expect(tokenRequests()).toHaveLength(2);
  });

  it("gives up after the second 401 with an AssureApiError", async () => {
    const { client, tokenRequests, apiRequests } = await setup((_request, response) =>
      sendJson(response, 401, { status: 401, type: "base:client-problem", title: "Unauthorized", traceId: "t-401" }),
    );
    const error = await client.getProcess("d-1", "p-1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssureApiError);
    expect(error).toMatchObject({ status: 401, traceId: "t-401" });
    expect(apiRequests()).toHaveLength(2);
    expect(tokenRequests()).toHaveLength(2);
    expect(String((error as Error).message)).not.toMatch(/tok-/);
  });

  it("refused by the token endpoint is an AssureAuthError, not retried, without the secret", async () => {
    const server = await startTestServer((_request, response) =>
      sendJson(response, 401, { error: "invalid_client", error_description: "Unknown client" }),
    );
    servers.push(server);
    const client = createAssureClient({ ...testConfig(server.url), clientId: "someone" }, { sleep: async () => {} });
    const error = await client.getProcess("d-1", "p-1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssureAuthError);
    expect(error).toMatchObject({ status: 401, oauthError: "invalid_client" });
    expect((error as Error).message).toBe("Assure token endpoint refused the client credentials: 401 invalid_client: Unknown client");
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(TEST_CLIENT_SECRET);
    expect(server.requests).toHaveLength(1);
  });

  it("is asked for again when the token endpoint answers 503", async () => {
    let calls = 0;
    const server = await startTestServer((request, response) => {
      if (request.path.startsWith("/token")) {
        calls += 1;
        return calls === 1
          ? sendJson(response, 503, { error: "temporarily_unavailable" })
          : sendJson(response, 200, { access_token: "tok-x", expires_in: 600 });
      }
      return okProcess(request, response);
    });
    servers.push(server);
    const client = createAssureClient(testConfig(server.url), { sleep: async () => {} });
    await expect(client.getProcess("d-1", "p-1")).resolves.toMatchObject({ processId: "p-1" });
    expect(calls).toBe(2);
  });

  it("answered without an access_token is an AssureAuthError", async () => {
    const server = await startTestServer((_request, response) => sendJson(response, 200, { token_type: "Bearer" }));
    servers.push(server);
    const client = createAssureClient(testConfig(server.url));
    await expect(client.listDossiers()).rejects.toThrow(AssureAuthError);
  });
});
