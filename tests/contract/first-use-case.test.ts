/**
 * The contract's first use case, end to end, for each final status: create dossier, create process with a
 * notificationUrl, set images, start verification, receive the notification through the desk's own webhook
 * verb (`receiveNotification`, real database), get the process, download and open the full result.
 * The simulator's control API pins the scenario so that the process ends with the status wanted.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import { type AssureClient, type FinalStatus } from "../../lib/assure";
import { receiveNotification } from "../../lib/webhooks/receive-notification";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import {
  hasJpegSignature,
  jpegDataUrl,
  onfidoProcess,
  startContractSimulator,
  tinyJpeg,
  waitUntil,
  type ContractSimulator,
} from "./contract-support";

const SECRET = "contract-webhook-secret-4f1c";
const AUTHORIZATION = `Bearer ${SECRET}`;
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

interface Delivery {
  authorization: string | undefined;
  body: Record<string, unknown>;
  answered: number;
}

/** The desk's webhook as a plain node:http server: each request goes to `receiveNotification`. */
async function startReceiver(database: TestDatabase) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const request = new Request(`http://desk.test${req.url ?? "/"}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value] as [string, string]],
        ),
        body: req.method === "POST" ? body.toString("utf8") : undefined,
      });
      const answer = await receiveNotification(database.db, request, SECRET);
      deliveries.push({ authorization: req.headers.authorization, body: JSON.parse(body.toString("utf8")), answered: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/assure`,
    deliveries,
    /** Deliveries about one process, whatever their form. */
    about: (processId: string) =>
      deliveries.filter((d) => d.body.processId === processId || (d.body.eventData as { processId?: string } | undefined)?.processId === processId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let t: ContractSimulator;
let database: TestDatabase;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let assure: AssureClient;

beforeAll(async () => {
  t = await startContractSimulator();
  database = await createTestDatabase();
  receiver = await startReceiver(database);
  assure = t.client();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await database?.dispose();
});

/** A scenario per final status, for a documentSelfie with a national identity card (front, back, selfie). */
const SCENARIO_FOR: Record<FinalStatus, string> = {
  accepted: "accepted",
  rejected: "under-age",
  inconclusive: "low-face-match",
  canceled: "canceled",
  failed: "failed-multiple-faces",
};

const inboxRows = (processId: string) => database.db.select().from(webhookInbox).where(eq(webhookInbox.processId, processId));

/** The JSON files of a zip, parsed, by name. */
async function jsonFiles(zip: JSZip): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir && file.name.endsWith(".json")) out.set(file.name, JSON.parse(await file.async("string")));
  }
  return out;
}

async function startedProcess(status: FinalStatus, notificationForm?: "events") {
  const dossier = await assure.createDossier();
  const created = await assure.createProcess(
    dossier.dossierId,
    onfidoProcess({ notificationUrl: receiver.url, authorizationHeader: AUTHORIZATION }),
  );
  expect(created).toMatchObject({ status: "pending", notificationUrl: receiver.url });
  const pin = await t.control("PUT", `/processes/${created.processId}`, { scenario: SCENARIO_FOR[status], notificationForm });
  expect(pin.status).toBe(200);

  const images = { front: tinyJpeg(10), back: tinyJpeg(20), selfie: tinyJpeg(30) };
  await assure.setImages(dossier.dossierId, created.processId, {
    front: jpegDataUrl(images.front),
    back: jpegDataUrl(images.back),
    selfie: jpegDataUrl(images.selfie),
  });
  const started = await assure.startVerification(dossier.dossierId, created.processId);
  expect(started).toMatchObject({ processId: created.processId, status: "processing" });
  return { dossierId: dossier.dossierId, processId: created.processId, images };
}

describe("the first use case", () => {
  it.each(Object.keys(SCENARIO_FOR) as FinalStatus[])("ends %s: notified, fetched, and its result opened", async (status) => {
    const { dossierId, processId, images } = await startedProcess(status);

    // The notification: Assure's form, the authorizationHeader given at create process, stored by the desk.
    const [delivery] = await waitUntil(() => {
      const found = receiver.about(processId);
      return found.length > 0 ? found : undefined;
    });
    expect(delivery!.authorization).toBe(AUTHORIZATION);
    expect(delivery!.body).toEqual({ dossierId, processId, status });
    expect(delivery!.answered).toBe(202);
    const [row] = await inboxRows(processId);
    expect(row).toMatchObject({ dossierId, processId, hintedStatus: status, state: "received" });

    // The process: final, with the fields its status carries.
    const process = await assure.getProcess(dossierId, processId);
    expect(process.status).toBe(status);
    expect(process.createdAt).toMatch(UTC_TIMESTAMP);
    expect(process.updatedAt).toMatch(UTC_TIMESTAMP);
    expect(process.authorization ?? undefined).toBeUndefined();
    if (status === "accepted") {
      expect(process.finalResult).toMatchObject({
        documentType: "identityCard",
        similarityScore: expect.stringMatching(/^(high|medium)$/),
        dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        dateOfExpiry: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        nationality: expect.stringMatching(/^[A-Z]{3}$/),
        issuingCountry: "NOR",
        gender: expect.stringMatching(/^[FM]$/),
      });
    } else {
      expect(process.finalResult ?? undefined).toBeUndefined();
    }
    if (status === "failed") {
      expect(process.failReason).toMatchObject({ type: "upload_failed", message: expect.stringContaining("Multiple faces") });
    } else {
      expect(process.failReason ?? undefined).toBeUndefined();
    }

    // The full result.
    const zipBytes = await assure.downloadResult(dossierId, processId);
    if (status === "failed" || status === "canceled") {
      expect(zipBytes).toBeNull();
      return;
    }
    expect(zipBytes).not.toBeNull();
    expect(process.providerSpecific?.documentVerification).toMatchObject({ documentType: "identityCard" });
    expect(process.providerSpecific?.facialSimilarity?.result).toEqual(expect.any(String));
    const zip = await JSZip.loadAsync(zipBytes!);
    const json = await jsonFiles(zip);
    expect(json.get("process.json")).toEqual(process);
    // Found by content, as the desk finds them: a report has `name` and `breakdown`, the check `report_ids`.
    const reports = [...json.values()].filter((value) => "name" in value && "breakdown" in value);
    expect(reports.map((report) => report.name).sort()).toEqual(["document", "facial_similarity_photo"]);
    const check = [...json.values()].find((value) => "report_ids" in value);
    expect(new Set(check?.report_ids as string[])).toEqual(new Set(reports.map((report) => report.id)));
    const document = reports.find((report) => report.name === "document")!;
    const expectedSubResult = { accepted: "clear", rejected: "rejected", inconclusive: "clear" }[status];
    expect(document.sub_result).toBe(expectedSubResult);

    // The pictures uploaded, byte for byte.
    for (const kind of ["front", "back", "selfie"] as const) {
      const file = zip.file(`media/${kind}.jpg`);
      expect(file, kind).not.toBeNull();
      const bytes = await file!.async("uint8array");
      expect(hasJpegSignature(bytes), kind).toBe(true);
      expect(bytes).toEqual(images[kind]);
    }
  });

  it("delivers the Signicat Events envelope when the process asks for it", async () => {
    const { dossierId, processId } = await startedProcess("accepted", "events");
    const [delivery] = await waitUntil(() => {
      const found = receiver.about(processId);
      return found.length > 0 ? found : undefined;
    });
    expect(delivery!.authorization).toBe(AUTHORIZATION);
    expect(delivery!.body).toMatchObject({ eventData: { dossierId, processId, status: "accepted" } });
    expect(delivery!.answered).toBe(202);
    expect((await inboxRows(processId))[0]).toMatchObject({ hintedStatus: "accepted" });
  });

  it("a notification carrying another Authorization header is refused by the desk and stored nowhere", async () => {
    const dossier = await assure.createDossier();
    const created = await assure.createProcess(
      dossier.dossierId,
      onfidoProcess({ notificationUrl: receiver.url, authorizationHeader: "Bearer not-the-desk-secret" }),
    );
    await assure.setImages(dossier.dossierId, created.processId, { front: jpegDataUrl(tinyJpeg(1)), selfie: jpegDataUrl(tinyJpeg(2)) });
    await assure.startVerification(dossier.dossierId, created.processId);
    const [delivery] = await waitUntil(() => {
      const found = receiver.about(created.processId);
      return found.length > 0 ? found : undefined;
    });
    expect(delivery!.authorization).toBe("Bearer not-the-desk-secret");
    expect(delivery!.answered).toBe(401);
    expect(await inboxRows(created.processId)).toEqual([]);
  });
});
