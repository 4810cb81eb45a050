/**
 * Shared set-up of the contract tests: the real client (`lib/assure`) against the real simulator over HTTP.
 * The two share no code, so each catches the other's mistakes; nothing here mocks fetch. Not a test file.
 */
import { encode } from "jpeg-js";
import { expect } from "vitest";
import {
  createAssureClient,
  imageToDataUrl,
  type AssureClient,
  type AssureClientOptions,
  type AssureConfigInput,
  type CreateProcessRequest,
} from "../../lib/assure";
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from "../../simulator/server";

export const CLIENT_ID = "desk-demo-client";
export const CLIENT_SECRET = "desk-demo-secret";

/** Loosely read control-API answers; each test says what it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ContractSimulator {
  sim: SimulatorHandle;
  /** A client of this simulator with fast retries; override any setting per test. */
  client(config?: Partial<AssureConfigInput>, options?: AssureClientOptions): AssureClient;
  /** A call to the control API (`/__sim`), which is never faulted and needs no token. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** Requests the simulator counted per endpoint name (`token`, `getDossier`, ...). */
  requestsTo(endpoint: string): Promise<number>;
  close(): Promise<void>;
}

/** One simulator per test file: fast finals, small pictures, quick notification retries. */
export async function startContractSimulator(options: SimulatorOptions = {}): Promise<ContractSimulator> {
  const sim = await startSimulator({
    port: 0,
    finalDelayMs: { min: 0, max: 50 },
    image: { width: 64 },
    notify: { backoffBaseMs: 50, backoffMaxMs: 200, timeoutMs: 2000, deadlineMs: 10_000 },
    ...options,
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : undefined };
  };
  return {
    sim,
    client: (config = {}, clientOptions = {}) =>
      createAssureClient(
        { baseUrl: sim.baseUrl, tokenUrl: sim.tokenUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: 5000, ...config },
        { retryBaseDelayMs: 10, retryMaxDelayMs: 40, ...clientOptions },
      ),
    control,
    async requestsTo(endpoint) {
      const stats = await control("GET", "/stats");
      return Number(stats.body.requests.byEndpoint[endpoint] ?? 0);
    },
    close: () => sim.close(),
  };
}

/** A documentSelfie process the simulator can start once it has images. */
export function onfidoProcess(overrides: Partial<CreateProcessRequest> = {}): CreateProcessRequest {
  return {
    provider: "onfido",
    processType: "documentSelfie",
    documentType: "identityCard",
    processParameters: { location: { countryOfResidence: "NOR" } },
    ...overrides,
  };
}

/** A small, real, decodable JPEG; `shade` makes the pictures of one process differ byte for byte. */
export function tinyJpeg(shade = 0, size = 16): Uint8Array {
  const data = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    data[i * 4] = (i * 7 + shade) & 0xff;
    data[i * 4 + 1] = (i * 3 + shade * 5) & 0xff;
    data[i * 4 + 2] = (255 - i - shade) & 0xff;
    data[i * 4 + 3] = 0xff;
  }
  return new Uint8Array(encode({ data, width: size, height: size }, 80).data);
}

export const jpegDataUrl = (bytes: Uint8Array): string => imageToDataUrl({ contentType: "image/jpeg", bytes });

export const JPEG_SIGNATURE = [0xff, 0xd8, 0xff] as const;
export const hasJpegSignature = (bytes: Uint8Array): boolean => JPEG_SIGNATURE.every((byte, i) => bytes[i] === byte);

/** The rejection of `promise`; the test fails if it resolves. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("expected the call to fail"),
    (error: unknown) => error,
  );
}

export async function waitUntil<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
