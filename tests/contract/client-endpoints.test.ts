/**
 * Every endpoint of the Assure client against the running simulator: what each call sends is what the
 * simulator accepts, and what the simulator answers is what the client reads (lib/assure/README.md "Endpoints" and
 * "our decisions").
 */
import { decode } from "jpeg-js";
import JSZip from "jszip";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AssureApiError, PROCESS_STATUSES, type AssureClient } from "../../lib/assure";
import {
  caught,
  hasJpegSignature,
  jpegDataUrl,
  onfidoProcess,
  startContractSimulator,
  tinyJpeg,
  waitUntil,
  type ContractSimulator,
} from "./contract-support";

let t: ContractSimulator;
let assure: AssureClient;
beforeAll(async () => {
  t = await startContractSimulator();
  assure = t.client();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control("DELETE", "/faults");
});

const FRONT = tinyJpeg(1);
const BACK = tinyJpeg(2);
const SELFIE = tinyJpeg(3);

async function pendingProcess(overrides: Parameters<typeof onfidoProcess>[0] = {}) {
  const dossier = await assure.createDossier();
  const process = await assure.createProcess(dossier.dossierId, onfidoProcess(overrides));
  return { dossierId: dossier.dossierId, processId: process.processId, process };
}

/** A process the control API ran to its end at once with `scenario`. */
async function finishedRun(scenario: string, processType = "documentSelfie") {
  const answer = await t.control("POST", "/run", { scenario, processType, documentType: "identityCard", delayMs: 0, seed: 11 });
  expect(answer.status).toBe(201);
  return answer.body as { dossierId: string; processId: string };
}

function expectValidationError(error: unknown, status: number, names: string[]) {
  expect(error).toBeInstanceOf(AssureApiError);
  const apiError = error as AssureApiError;
  expect(apiError.status).toBe(status);
  expect(apiError).toMatchObject({ type: "base:client-problem", code: "validation-error" });
  expect(apiError.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(apiError.invalidParams.map((p) => p.name).sort()).toEqual([...names].sort());
  for (const param of apiError.invalidParams) expect(param.reason).not.toBe("");
}

describe("dossiers", () => {
  it("create dossier answers the new dossier with timestamps and no processes", async () => {
    const before = Date.now();
    const dossier = await assure.createDossier();
    expect(dossier.dossierId).toMatch(/^[0-9a-f-]{36}$/);
    expect(dossier.processes).toEqual([]);
    expect(Date.parse(dossier.createdAt!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(dossier.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it("create dossier keeps an externalReference given in its body", async () => {
    const dossier = await assure.createDossier({ externalReference: "desk-case-42" });
    expect(dossier).toMatchObject({ externalReference: "desk-case-42" });
    expect(await assure.getDossier(dossier.dossierId)).toMatchObject({ externalReference: "desk-case-42" });
  });

  it("list dossiers gives summaries of every dossier, without processes", async () => {
    const a = await assure.createDossier();
    const b = await assure.createDossier();
    const list = await assure.listDossiers();
    const ids = list.map((d) => d.dossierId);
    expect(ids).toEqual(expect.arrayContaining([a.dossierId, b.dossierId]));
    const summary = list.find((d) => d.dossierId === a.dossierId)!;
    expect(summary).toMatchObject({ createdAt: a.createdAt });
    expect(summary).not.toHaveProperty("processes");
  });

  it("get dossier carries its processes", async () => {
    const { dossierId, processId } = await pendingProcess();
    const second = await assure.createProcess(dossierId, onfidoProcess({ processType: "document", documentType: "passport" }));
    const dossier = await assure.getDossier(dossierId);
    expect(dossier.dossierId).toBe(dossierId);
    expect(dossier.processes?.map((p) => p.processId)).toEqual([processId, second.processId]);
    expect(dossier.processes?.[1]).toMatchObject({ provider: "onfido", processType: "document", documentType: "passport", status: "pending" });
  });

  it("delete dossier deletes it and its processes; a second delete answers false (404)", async () => {
    const { dossierId, processId } = await pendingProcess();
    expect(await assure.deleteDossier(dossierId)).toBe(true);
    const error = await caught(assure.getDossier(dossierId));
    expect(error).toBeInstanceOf(AssureApiError);
    expect((error as AssureApiError).status).toBe(404);
    expect(await caught(assure.getProcess(dossierId, processId))).toMatchObject({ status: 404 });
    expect((await assure.listDossiers()).map((d) => d.dossierId)).not.toContain(dossierId);
    expect(await assure.deleteDossier(dossierId)).toBe(false);
  });

  it("add dossier files: a process without images of its own starts with the dossier's files", async () => {
    const { dossierId, processId } = await pendingProcess();
    await assure.addDossierFiles(dossierId, { front: jpegDataUrl(FRONT), back: jpegDataUrl(BACK), selfie: jpegDataUrl(SELFIE) });
    const started = await assure.startVerification(dossierId, processId);
    expect(started.status).not.toBe("pending");
    const front = await assure.getImage(dossierId, processId, "front");
    expect(front?.bytes).toEqual(FRONT);
  });

  it("a documentVideo process, which cannot take images, starts with the dossier's files", async () => {
    const { dossierId, processId } = await pendingProcess({ processType: "documentVideo" });
    await assure.addDossierFiles(dossierId, { front: jpegDataUrl(FRONT), back: jpegDataUrl(BACK) });
    await assure.startVerification(dossierId, processId);
    await t.control("POST", `/processes/${processId}/finish`);
    const process = await assure.getProcess(dossierId, processId);
    expect(process.status).toBe("accepted");
    const files = await JSZip.loadAsync((await assure.downloadResult(dossierId, processId))!);
    expect(await files.file("media/front.jpg")?.async("uint8array")).toEqual(FRONT);
    expect(files.file("media/video.mp4")).toBeNull();
  });

  it("add dossier files refuses an image that is not a JPEG or PNG (400 with invalidParams)", async () => {
    const dossier = await assure.createDossier();
    const error = await caught(assure.addDossierFiles(dossier.dossierId, { front: "data:image/gif;base64,R0lGODlhAQABAAAAACw=" }));
    expectValidationError(error, 400, ["front"]);
  });
});

describe("processes", () => {
  it("create process answers the pending process: parameters echoed, SDK token, never the authorizationHeader", async () => {
    const dossier = await assure.createDossier();
    const request = onfidoProcess({
      notificationUrl: "http://127.0.0.1:9/hook",
      authorizationHeader: "Bearer never-echoed-0123",
      processParameters: { location: { countryOfResidence: "PRT" }, consents: { privacy: true }, mobileAppId: "com.example.app" },
    });
    const process = await assure.createProcess(dossier.dossierId, request);
    expect(process).toMatchObject({
      provider: "onfido",
      processType: "documentSelfie",
      documentType: "identityCard",
      status: "pending",
      notificationUrl: "http://127.0.0.1:9/hook",
      processParameters: request.processParameters,
    });
    expect(process.authorization).toEqual(expect.any(String));
    expect(process.finalResult ?? undefined).toBeUndefined();
    expect(process.failReason ?? undefined).toBeUndefined();
    expect(JSON.stringify(process)).not.toContain("never-echoed-0123");
  });

  it("create process refuses a body without processType (400 with invalidParams), and an unknown dossier (404)", async () => {
    const dossier = await assure.createDossier();
    const request = { provider: "onfido" } as unknown as ReturnType<typeof onfidoProcess>;
    expectValidationError(await caught(assure.createProcess(dossier.dossierId, request)), 400, ["processType"]);
    expect(await caught(assure.createProcess("no-such-dossier", onfidoProcess()))).toMatchObject({ status: 404 });
  });

  it("get process reads the process; in another dossier it is unknown (404)", async () => {
    const { dossierId, processId, process } = await pendingProcess();
    expect(await assure.getProcess(dossierId, processId)).toEqual(process);
    const other = await assure.createDossier();
    expect(await caught(assure.getProcess(other.dossierId, processId))).toMatchObject({ status: 404, operation: "getProcess" });
  });

  it("delete process deletes it; a second delete answers false (404)", async () => {
    const { dossierId, processId } = await pendingProcess();
    expect(await assure.deleteProcess(dossierId, processId)).toBe(true);
    expect(await caught(assure.getProcess(dossierId, processId))).toMatchObject({ status: 404 });
    expect((await assure.getDossier(dossierId)).processes).toEqual([]);
    expect(await assure.deleteProcess(dossierId, processId)).toBe(false);
  });

  it("ids that a URL would resolve away ('..', '.', '') are refused before sending: deleting a process never deletes its dossier", async () => {
    const { dossierId, processId } = await pendingProcess();
    const deletesBefore = await t.requestsTo("deleteDossier");
    await expect(assure.deleteProcess(dossierId, "..")).rejects.toThrow(TypeError);
    await expect(assure.getProcess(dossierId, "..")).rejects.toThrow(TypeError);
    await expect(assure.startVerification(dossierId, ".")).rejects.toThrow(TypeError);
    await expect(assure.getDossier("")).rejects.toThrow(TypeError);
    expect(await t.requestsTo("deleteDossier")).toBe(deletesBefore);
    expect((await assure.getDossier(dossierId)).processes?.map((p) => p.processId)).toEqual([processId]);
    // Ids with other odd characters are one encoded segment: unknown, not another resource.
    for (const odd of ["a/b", "..%2F", "?x=1", "%", "ä"]) {
      expect(await assure.deleteProcess(dossierId, odd), odd).toBe(false);
      expect(await caught(assure.getDossier(odd)), odd).toMatchObject({ status: 404, title: "Not found." });
    }
    expect((await assure.getDossier(dossierId)).processes).toHaveLength(1);
  });

  it("every status the simulator uses is one the client knows", async () => {
    const { dossierId, processId } = await pendingProcess();
    const process = await assure.getProcess(dossierId, processId);
    expect(PROCESS_STATUSES).toContain(process.status);
  });
});

describe("images", () => {
  it("set images stores each kind; get image answers the same bytes with an image content type", async () => {
    const { dossierId, processId } = await pendingProcess();
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), selfie: jpegDataUrl(SELFIE) });
    const front = await assure.getImage(dossierId, processId, "front");
    expect(front).toEqual({ contentType: "image/jpeg", bytes: FRONT });
    expect((await assure.getImage(dossierId, processId, "selfie"))?.bytes).toEqual(SELFIE);
    // Not uploaded yet: absent, not an error.
    expect(await assure.getImage(dossierId, processId, "back")).toBeNull();
  });

  it("a PNG comes back as image/png", async () => {
    const { dossierId, processId } = await pendingProcess();
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    await assure.setImages(dossierId, processId, { front: `data:image/png;base64,${png}` });
    expect(await assure.getImage(dossierId, processId, "front")).toEqual({
      contentType: "image/png",
      bytes: new Uint8Array(Buffer.from(png, "base64")),
    });
  });

  it("set images again replaces only the kinds sent", async () => {
    const { dossierId, processId } = await pendingProcess();
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), back: jpegDataUrl(BACK) });
    const newFront = tinyJpeg(99);
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(newFront) });
    expect((await assure.getImage(dossierId, processId, "front"))?.bytes).toEqual(newFront);
    expect((await assure.getImage(dossierId, processId, "back"))?.bytes).toEqual(BACK);
  });

  it("get image of a portrait is null: Onfido gives none", async () => {
    const run = await finishedRun("accepted");
    expect(await assure.getImage(run.dossierId, run.processId, "portrait")).toBeNull();
    // The same finished process has the pictures the SDK captured.
    const selfie = await assure.getImage(run.dossierId, run.processId, "selfie");
    expect(selfie?.contentType).toBe("image/jpeg");
    expect(hasJpegSignature(selfie!.bytes)).toBe(true);
    expect(decode(selfie!.bytes, { useTArray: true }).width).toBe(64);
  });

  it("get image of an unknown process is null", async () => {
    const dossier = await assure.createDossier();
    expect(await assure.getImage(dossier.dossierId, "no-such-process", "front")).toBeNull();
  });

  it("set images refuses a media type other than JPEG or PNG (400 with invalidParams)", async () => {
    const { dossierId, processId } = await pendingProcess();
    const gif = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    expectValidationError(await caught(assure.setImages(dossierId, processId, { front: gif })), 400, ["front"]);
  });

  it("set images refuses a data URL whose payload is not base64, or not the declared type (400, one param each)", async () => {
    const { dossierId, processId } = await pendingProcess();
    const notBase64 = "data:image/jpeg;base64,%%%not-base64%%%";
    const pngDeclaredJpeg = `data:image/jpeg;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString("base64")}`;
    const error = await caught(assure.setImages(dossierId, processId, { front: notBase64, back: pngDeclaredJpeg, selfie: jpegDataUrl(SELFIE) }));
    expectValidationError(error, 400, ["front", "back"]);
    // Nothing of a refused upload is kept.
    expect(await assure.getImage(dossierId, processId, "selfie")).toBeNull();
  });

  it("set images refuses an image above the size limit (400 naming the kind)", async () => {
    const { dossierId, processId } = await pendingProcess();
    const big = tinyJpeg(5, 64);
    expect((await t.control("PUT", "/config", { maxImageBytes: big.length - 1 })).status).toBe(200);
    try {
      const error = await caught(assure.setImages(dossierId, processId, { selfie: jpegDataUrl(big) }));
      expectValidationError(error, 400, ["selfie"]);
      expect((error as AssureApiError).invalidParams[0]!.reason).toContain(String(big.length - 1));
    } finally {
      await t.control("PUT", "/config", { maxImageBytes: 10 * 1024 * 1024 });
    }
    await assure.setImages(dossierId, processId, { selfie: jpegDataUrl(big) });
  });

  it("the client refuses an unknown kind or a non-data-URL before sending anything", async () => {
    const { dossierId, processId } = await pendingProcess();
    const before = await t.requestsTo("setImages");
    const portrait = { portrait: jpegDataUrl(FRONT) } as unknown as { front: string };
    await expect(assure.setImages(dossierId, processId, portrait)).rejects.toThrow(TypeError);
    await expect(assure.setImages(dossierId, processId, { front: "https://example.com/front.jpg" })).rejects.toThrow(TypeError);
    expect(await t.requestsTo("setImages")).toBe(before);
  });

  it("set images is refused once the process has started (400)", async () => {
    const { dossierId, processId } = await pendingProcess();
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT) });
    await assure.startVerification(dossierId, processId);
    const error = await caught(assure.setImages(dossierId, processId, { front: jpegDataUrl(BACK) }));
    expect(error).toBeInstanceOf(AssureApiError);
    expect((error as AssureApiError).status).toBe(400);
  });

  it("set images is refused for documentVideo: the SDK captures it (400)", async () => {
    const { dossierId, processId } = await pendingProcess({ processType: "documentVideo" });
    const error = await caught(assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT) }));
    expect(error).toMatchObject({ status: 400, type: "base:client-problem" });
  });
});

describe("start verification", () => {
  it("starts a pending process with images: processing, without the SDK token", async () => {
    await t.control("PUT", "/config", { finalDelayMs: { min: 5000, max: 5000 } });
    try {
      const { dossierId, processId } = await pendingProcess();
      await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), back: jpegDataUrl(BACK), selfie: jpegDataUrl(SELFIE) });
      const started = await assure.startVerification(dossierId, processId);
      expect(started).toMatchObject({ processId, status: "processing" });
      expect(started.authorization ?? undefined).toBeUndefined();
      expect((await assure.getProcess(dossierId, processId)).status).toBe("processing");

      // Already started: 400, and the process is unchanged.
      const again = await caught(assure.startVerification(dossierId, processId));
      expect(again).toBeInstanceOf(AssureApiError);
      expect(again).toMatchObject({ status: 400, type: "base:client-problem", title: "Process already started." });
    } finally {
      await t.control("PUT", "/config", { finalDelayMs: { min: 0, max: 50 } });
    }
  });

  it("answers processing even when the process is set to end at once; it is final right after", async () => {
    await t.control("PUT", "/config", { finalDelayMs: { min: 0, max: 0 } });
    try {
      const { dossierId, processId } = await pendingProcess();
      await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), selfie: jpegDataUrl(SELFIE) });
      expect((await assure.startVerification(dossierId, processId)).status).toBe("processing");
      await waitUntil(async () => ((await assure.getProcess(dossierId, processId)).status === "accepted" ? true : undefined), 2000);
    } finally {
      await t.control("PUT", "/config", { finalDelayMs: { min: 0, max: 50 } });
    }
  });

  it("takes an optional JSON body", async () => {
    const { dossierId, processId } = await pendingProcess();
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), selfie: jpegDataUrl(SELFIE) });
    const started = await assure.startVerification(dossierId, processId, {});
    expect(started.processId).toBe(processId);
    expect(started.status).not.toBe("pending");
  });

  it("refuses a process without a location (400 naming processParameters.location); it stays pending", async () => {
    const { dossierId, processId } = await pendingProcess({ processParameters: {} });
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), selfie: jpegDataUrl(SELFIE) });
    expectValidationError(await caught(assure.startVerification(dossierId, processId)), 400, ["processParameters.location"]);
    expect((await assure.getProcess(dossierId, processId)).status).toBe("pending");
  });

  it("refuses a US resident's documentSelfie without privacy consent (400 naming consents.privacy)", async () => {
    const { dossierId, processId } = await pendingProcess({ processParameters: { location: { countryOfResidence: "USA" } } });
    await assure.setImages(dossierId, processId, { front: jpegDataUrl(FRONT), selfie: jpegDataUrl(SELFIE) });
    expectValidationError(await caught(assure.startVerification(dossierId, processId)), 400, ["processParameters.consents.privacy"]);
    expect((await assure.getProcess(dossierId, processId)).status).toBe("pending");

    // The same with the end-user's consent starts; a US document process needs none.
    const consented = await pendingProcess({ processParameters: { location: { countryOfResidence: "USA" }, consents: { privacy: true } } });
    await assure.setImages(consented.dossierId, consented.processId, { front: jpegDataUrl(FRONT), selfie: jpegDataUrl(SELFIE) });
    expect((await assure.startVerification(consented.dossierId, consented.processId)).status).not.toBe("pending");
    const document = await pendingProcess({ processType: "document", processParameters: { location: { countryOfResidence: "USA" } } });
    await assure.setImages(document.dossierId, document.processId, { front: jpegDataUrl(FRONT) });
    expect((await assure.startVerification(document.dossierId, document.processId)).status).not.toBe("pending");
  });

  it("refuses a process with no images and no dossier files (400 naming images)", async () => {
    const { dossierId, processId } = await pendingProcess();
    expectValidationError(await caught(assure.startVerification(dossierId, processId)), 400, ["images"]);
    expect((await assure.getProcess(dossierId, processId)).status).toBe("pending");
  });

  it("names every problem at once", async () => {
    const { dossierId, processId } = await pendingProcess({ processParameters: {} });
    expectValidationError(await caught(assure.startVerification(dossierId, processId)), 400, ["processParameters.location", "images"]);
  });
});

describe("full result", () => {
  it.each(["accepted", "under-age", "low-face-match"])("is a zip for a finished %s process", async (scenario) => {
    const run = await finishedRun(scenario);
    const process = await assure.getProcess(run.dossierId, run.processId);
    expect(["accepted", "rejected", "inconclusive"]).toContain(process.status);
    const zip = await assure.downloadResult(run.dossierId, run.processId);
    expect(zip).toBeInstanceOf(Uint8Array);
    const files = await JSZip.loadAsync(zip!);
    expect(JSON.parse(await files.file("process.json")!.async("string"))).toEqual(process);
  });

  it.each(["failed-timeout", "canceled"])("is null for a %s process (404: no provider result)", async (scenario) => {
    const run = await finishedRun(scenario);
    const process = await assure.getProcess(run.dossierId, run.processId);
    expect(["failed", "canceled"]).toContain(process.status);
    expect(await assure.downloadResult(run.dossierId, run.processId)).toBeNull();
  });

  it("is a 400 AssureApiError while the process is not finished, and a zip once it is", async () => {
    const pending = await pendingProcess();
    const notYet = await caught(assure.downloadResult(pending.dossierId, pending.processId));
    expect(notYet).toBeInstanceOf(AssureApiError);
    expect(notYet).toMatchObject({ status: 400, operation: "downloadResult", title: "Process not finished." });

    const answer = await t.control("POST", "/run", { scenario: "accepted", processType: "document", delayMs: 60_000 });
    const { dossierId, processId } = answer.body as { dossierId: string; processId: string };
    expect((await assure.getProcess(dossierId, processId)).status).toBe("processing");
    expect(await caught(assure.downloadResult(dossierId, processId))).toMatchObject({ status: 400 });
    expect((await t.control("POST", `/processes/${processId}/finish`)).status).toBe(200);
    expect(await assure.downloadResult(dossierId, processId)).not.toBeNull();
  });

  it("of an unknown process is null", async () => {
    const dossier = await assure.createDossier();
    expect(await assure.downloadResult(dossier.dossierId, "no-such-process")).toBeNull();
  });
});

describe("document types", () => {
  it("lists the four document types with ISO alpha-3 countries", async () => {
    const types = await assure.getDocumentTypes();
    expect(types.map((entry) => entry.documentType).sort()).toEqual(["driverLicense", "identityCard", "passport", "residencePermit"]);
    for (const entry of types) {
      expect(entry.countries?.length).toBeGreaterThan(0);
      for (const country of entry.countries ?? []) expect(country).toMatch(/^[A-Z]{3}$/);
    }
    expect(types.find((entry) => entry.documentType === "passport")?.countries).toContain("NOR");
  });
});
