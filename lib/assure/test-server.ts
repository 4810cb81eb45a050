import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny real HTTP server for the client's unit tests (no fetch mock): it records every request and lets each
 * test answer as the token endpoint and the Assure API would. Not used outside tests.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export const TEST_CLIENT_ID = "desk-client";
export const TEST_CLIENT_SECRET = "s3cret-never-shown";

export interface TokenEndpointOptions {
  expiresIn?: number;
  /** Delay before answering, to let concurrent callers pile up. */
  delayMs?: number;
}

/**
 * A server that issues `tok-1`, `tok-2`, ... at `/token` (checking Basic credentials and the form body) and
 * hands every other request to `api`.
 */
export async function startAssureTestServer(api: Handler, token: TokenEndpointOptions = {}): Promise<TestServer> {
  let issued = 0;
  const expected = `Basic ${Buffer.from(`${TEST_CLIENT_ID}:${TEST_CLIENT_SECRET}`).toString("base64")}`;
  return startTestServer(async (request, response) => {
    if (!request.path.startsWith("/token")) return api(request, response);
    if (token.delayMs) await new Promise((resolve) => setTimeout(resolve, token.delayMs));
    const form = new URLSearchParams(request.body);
    if (request.headers.authorization !== expected) return sendJson(response, 401, { error: "invalid_client" });
    if (form.get("grant_type") !== "client_credentials") return sendJson(response, 400, { error: "unsupported_grant_type" });
    issued += 1;
    sendJson(response, 200, { access_token: `tok-${issued}`, expires_in: token.expiresIn ?? 600, token_type: "Bearer" });
  });
}

/** Client config pointing at a test server: API under `/assure`, token endpoint at `/token`. */
export function testConfig(serverUrl: string) {
  return {
    baseUrl: `${serverUrl}/assure`,
    tokenUrl: `${serverUrl}/token`,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    timeoutMs: 2_000,
    maxRetries: 2,
  };
}

export function bearerOf(request: RecordedRequest): string | undefined {
  return request.headers.authorization?.replace(/^Bearer /, "");
}
