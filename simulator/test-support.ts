/**
 * Helpers for the simulator's tests: start one on an ephemeral port, get a token, call the API and the
 * control API over real HTTP. Not a test file itself (vitest runs `*.test.ts`).
 */
import { type SimulatorHandle, type SimulatorOptions, startSimulator } from "./server";

/** Answers are read loosely in tests; the assertions say what they expect. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Buffer;
}

export interface TestSimulator {
  sim: SimulatorHandle;
  token: () => Promise<string>;
  api: <T = Json>(method: string, path: string, body?: unknown, token?: string | null) => Promise<Answer<T>>;
  control: <T = Json>(method: string, path: string, body?: unknown) => Promise<Answer<T>>;
}

async function call<T>(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<Answer<T>> {
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const parsed = type.includes("json") && bytes.length > 0 ? JSON.parse(bytes.toString("utf8")) : undefined;
  return { status: res.status, headers: res.headers, body: parsed as T, bytes };
}

export async function requestToken(sim: SimulatorHandle, id = "desk-demo-client", secret = "desk-demo-secret") {
  const res = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials&scope=signicat-api",
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Fast defaults for tests: small pictures, processes final 50–80 ms after start, quick notification retries. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const sim = await startSimulator({
    finalDelayMs: { min: 50, max: 80 },
    image: { width: 96 },
    notify: { backoffBaseMs: 50, backoffMaxMs: 200, timeoutMs: 1000, deadlineMs: 5000 },
    ...options,
  });
  let cached: string | undefined;
  const token = async () => {
    if (!cached) {
      const answer = await requestToken(sim);
      cached = String(answer.body.access_token);
    }
    return cached;
  };
  return {
    sim,
    token,
    async api(method, path, body, explicit) {
      const bearer = explicit === undefined ? await token() : explicit;
      return call(`${sim.baseUrl}${path}`, method, body, bearer === null ? {} : { authorization: `Bearer ${bearer}` });
    },
    control: (method, path, body) => call(`${sim.controlUrl}${path}`, method, body, {}),
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** A small real JPEG as a data URL, for set images. */
export function jpegDataUrl(bytes: Buffer): string {
  return `data:image/jpeg;base64,${bytes.toString("base64")}`;
}

/** Creates a dossier and a pending process; returns their ids. */
export async function createPending(t: TestSimulator, body: Record<string, unknown> = {}) {
  const dossier = await t.api<{ dossierId: string }>("POST", "/dossiers");
  const process = await t.api("POST", `/dossiers/${dossier.body.dossierId}/processes`, {
    provider: "onfido",
    processType: "documentSelfie",
    processParameters: { location: { countryOfResidence: "PRT" } },
    ...body,
  });
  return { dossierId: dossier.body.dossierId, processId: String(process.body.processId), created: process };
}
