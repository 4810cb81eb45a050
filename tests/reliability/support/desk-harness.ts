/**
 * What the webhook, sync and reliability tests share: the simulator over HTTP on a free port, a real
 * Assure client pointed at it (short retry delays), a wrapper that counts calls per process (our own client
 * object, not fetch), and a node:http server in front of `receiveNotification` so notifications arrive as
 * real HTTP requests. Not a test file itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import type { Db } from "../../../db/client";
import { processes } from "../../../db/schema";
import { createAssureClient, type AssureClient, type AssureClientOptions } from "../../../lib/assure/client";
import type { Ctx } from "../../../lib/auth/context";
import { resultStore } from "../../../lib/results/result-store";
import { receiveNotification } from "../../../lib/webhooks/receive-notification";
import { startTestSimulator, type TestSimulator } from "../../../simulator/test-support";
import type { SimulatorOptions } from "../../../simulator/server";

export const WEBHOOK_SECRET = "reliability-webhook-secret-0123456789";
export const AUTHORIZATION = `Bearer ${WEBHOOK_SECRET}`;

export async function startSim(options: SimulatorOptions = {}): Promise<TestSimulator> {
  return startTestSimulator(options);
}

/** A signed-in staff member for the verbs (admin unless said otherwise); `null` for nobody signed in. */
export function staffCtx(db: Db, role: "admin" | "compliance" | "support" | null = "admin"): Ctx {
  return { db, user: role ? { id: `test-${role}`, email: `${role}@desk.test`, name: role, role } : null };
}

export function assureFor(t: TestSimulator, options: AssureClientOptions & { timeoutMs?: number; maxRetries?: number } = {}): AssureClient {
  const { timeoutMs = 5_000, maxRetries, ...clientOptions } = options;
  return createAssureClient(
    { baseUrl: t.sim.baseUrl, tokenUrl: t.sim.tokenUrl, clientId: "desk-demo-client", clientSecret: "desk-demo-secret", timeoutMs, maxRetries },
    { retryBaseDelayMs: 5, retryMaxDelayMs: 50, ...clientOptions },
  );
}

export interface CallCounts {
  getProcess: Map<string, number>;
  getDossier: Map<string, number>;
  downloadResult: Map<string, number>;
  listDossiers: number;
}

/** The same client, counting successful calls per process (or dossier) id. */
export function countingClient(inner: AssureClient): { client: AssureClient; calls: CallCounts } {
  const calls: CallCounts = { getProcess: new Map(), getDossier: new Map(), downloadResult: new Map(), listDossiers: 0 };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const client: AssureClient = {
    ...inner,
    async getProcess(dossierId, processId) {
      const process = await inner.getProcess(dossierId, processId);
      bump(calls.getProcess, processId);
      return process;
    },
    async getDossier(dossierId) {
      const dossier = await inner.getDossier(dossierId);
      bump(calls.getDossier, dossierId);
      return dossier;
    },
    async downloadResult(dossierId, processId, options) {
      const zip = await inner.downloadResult(dossierId, processId, options);
      bump(calls.downloadResult, processId);
      return zip;
    },
    async listDossiers() {
      const list = await inner.listDossiers();
      calls.listDossiers += 1;
      return list;
    },
  };
  return { client, calls };
}

export interface BulkItem {
  dossierId: string;
  processId: string;
  scenario: string;
  processType: string;
}

/** Processes made final at once (delay 0), notifying nobody: the test sends the notifications itself. */
export async function bulkFinal(t: TestSimulator, count: number, extra: Record<string, unknown> = {}): Promise<BulkItem[]> {
  const answer = await t.control<{ items: BulkItem[] }>("POST", "/bulk", { count, delayMs: 0, ...extra });
  if (answer.status !== 201) throw new Error(`bulk answered ${answer.status}`);
  return answer.body.items;
}

/** The simulator's view of a process (its status is what the desk must end up storing). */
export async function simStatus(t: TestSimulator, item: { dossierId: string; processId: string }): Promise<string> {
  const answer = await t.api<{ status: string }>("GET", `/dossiers/${item.dossierId}/processes/${item.processId}`);
  return answer.body.status;
}

export async function simStatuses(t: TestSimulator, items: BulkItem[]): Promise<Map<string, string>> {
  const answer = await t.api<{ dossierId: string }[]>("GET", "/dossiers");
  if (answer.status !== 200) throw new Error(`list answered ${answer.status}`);
  const statuses = new Map<string, string>();
  const wanted = new Set(items.map((i) => i.dossierId));
  for (const dossierId of wanted) {
    const dossier = await t.api<{ processes: { processId: string; status: string }[] }>("GET", `/dossiers/${dossierId}`);
    for (const p of dossier.body.processes) statuses.set(p.processId, p.status);
  }
  return statuses;
}

export async function setFaults(t: TestSimulator, faults: Record<string, unknown>): Promise<void> {
  const answer = await t.control("PUT", "/faults", faults);
  if (answer.status !== 200) throw new Error(`faults answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

export function notificationBody(item: { dossierId: string; processId: string }, status: string): string {
  return JSON.stringify({ dossierId: item.dossierId, processId: item.processId, status });
}

/** A real Request to the verb the route calls. */
export function webhookRequest(body: string, authorization = AUTHORIZATION): Request {
  return new Request("http://desk.test/api/webhooks/assure", {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body,
  });
}

export interface WebhookServer {
  url: string;
  close(): Promise<void>;
}

/** node:http in front of `receiveNotification`, as the route is in front of it; `onStored` runs after the answer. */
export async function startWebhookServer(db: Db, onStored: () => void = () => {}): Promise<WebhookServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = new Request("http://desk.test/api/webhooks/assure", {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      receiveNotification(db, request, WEBHOOK_SECRET)
        .then((answer) => {
          res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
          if (answer.inboxId !== undefined) onStored();
        })
        .catch((error: unknown) => {
          res.writeHead(500).end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/assure`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Posts with a bounded number of requests in flight; answers in the order of `bodies`. */
export async function postAll(url: string, bodies: string[], concurrency = 32, authorization = AUTHORIZATION): Promise<number[]> {
  const statuses = new Array<number>(bodies.length).fill(0);
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const i = next++;
      try {
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization }, body: bodies[i] });
        await res.arrayBuffer();
        statuses[i] = res.status;
      } catch {
        statuses[i] = 0; // not acknowledged: the sender would retry
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** The stored zip, opened: a zip with the process object inside. */
export async function openStoredZip(db: Db, processId: string): Promise<JSZip | null> {
  const bytes = await resultStore(db).get(processId);
  return bytes ? JSZip.loadAsync(bytes) : null;
}

export async function storedProcess(db: Db, processId: string) {
  const [row] = await db.select({ status: processes.status, updatedAt: processes.updatedAt }).from(processes).where(eq(processes.processId, processId));
  return row ?? null;
}

export function shuffle<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const random = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
