import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encode } from "jpeg-js";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPending, JPEG_SIGNATURE, jpegDataUrl, startTestSimulator, type TestSimulator, waitFor } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.sim.close());

const resultPath = (r: { dossierId: string; processId: string }) => `/dossiers/${r.dossierId}/processes/${r.processId}/result`;

async function run(body: Record<string, unknown>) {
  const answer = await t.control("POST", "/run", { delayMs: 0, seed: 7, ...body });
  expect(answer.status).toBe(201);
  return answer.body as { dossierId: string; processId: string; process: Record<string, unknown> };
}

async function zipOf(r: { dossierId: string; processId: string }) {
  const answer = await t.api("GET", resultPath(r));
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/zip");
  return JSZip.loadAsync(answer.bytes);
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

describe("full result", () => {
  it("holds the process, the Onfido check and reports, and front, back and selfie for a two-sided document", async () => {
    const r = await run({ scenario: "accepted", processType: "documentSelfie", documentType: "identityCard" });
    const zip = await zipOf(r);
    expect(Object.keys(zip.files).sort()).toEqual([
      "media/back.jpg",
      "media/front.jpg",
      "media/selfie.jpg",
      "onfido/check.json",
      "onfido/reports/document.json",
      "onfido/reports/facial_similarity_photo.json",
      "process.json",
    ]);
    for (const name of ["media/front.jpg", "media/back.jpg", "media/selfie.jpg"]) {
      expect(startsWith(await zip.file(name)!.async("uint8array"), JPEG_SIGNATURE), name).toBe(true);
    }
    const process = JSON.parse(await zip.file("process.json")!.async("string"));
    expect(process).toEqual(r.process);
    const check = JSON.parse(await zip.file("onfido/check.json")!.async("string"));
    const document = JSON.parse(await zip.file("onfido/reports/document.json")!.async("string"));
    const face = JSON.parse(await zip.file("onfido/reports/facial_similarity_photo.json")!.async("string"));
    expect(check.report_ids).toEqual([document.id, face.id]);
    expect(document).toMatchObject({ name: "document", check_id: check.id, result: "clear", sub_result: "clear" });
    expect(face.live_photos).toHaveLength(1);
  });

  it("gives the same images through get image as in the zip", async () => {
    const r = await run({ scenario: "accepted", processType: "document", documentType: "passport" });
    const zip = await zipOf(r);
    expect(zip.file("media/back.jpg")).toBeNull();
    const front = await t.api("GET", `/dossiers/${r.dossierId}/processes/${r.processId}/images/front`);
    expect(Buffer.from(await zip.file("media/front.jpg")!.async("uint8array")).equals(front.bytes)).toBe(true);
    expect(zip.file("onfido/reports/facial_similarity_photo.json")).toBeNull();
  });

  it("carries a real MP4 and the video report for documentVideo", async () => {
    const r = await run({ scenario: "accepted", processType: "documentVideo" });
    const zip = await zipOf(r);
    const video = await zip.file("media/video.mp4")!.async("uint8array");
    expect(Buffer.from(video.subarray(4, 8)).toString("latin1")).toBe("ftyp");
    expect(zip.file("onfido/reports/facial_similarity_video.json")).not.toBeNull();
    expect(zip.file("media/selfie.jpg")).toBeNull();
  });

  it("puts the client's uploaded images in the zip, byte for byte", async () => {
    const ids = await createPending(t, { processType: "document" });
    const front = encode({ data: Buffer.alloc(32 * 32 * 4, 90), width: 32, height: 32 }, 80).data;
    await t.api("POST", `/dossiers/${ids.dossierId}/processes/${ids.processId}/images`, { front: jpegDataUrl(front) });
    await t.api("POST", `/dossiers/${ids.dossierId}/processes/${ids.processId}`);
    expect((await t.api("GET", resultPath(ids))).status).toBe(400);
    await waitFor(async () => ((await t.api("GET", resultPath(ids))).status === 200 ? true : undefined));
    const zip = await zipOf(ids);
    expect(Object.keys(zip.files).filter((n) => n.startsWith("media/"))).toEqual(["media/front.jpg"]);
    expect(Buffer.from(await zip.file("media/front.jpg")!.async("uint8array")).equals(front)).toBe(true);
  });

  it("answers 400 while pending or processing, 404 for failed and canceled", async () => {
    const pending = await createPending(t);
    expect((await t.api("GET", resultPath(pending))).body.title).toBe("Process not finished.");
    const processing = await run({ scenario: "accepted", delayMs: 60_000 });
    expect((await t.api("GET", resultPath(processing))).status).toBe(400);
    for (const scenario of ["failed-timeout", "canceled"]) {
      const r = await run({ scenario });
      expect((await t.api("GET", resultPath(r))).status, scenario).toBe(404);
    }
  });

  it("can be sized for a benchmark: image.targetBytes makes pictures near the target", async () => {
    expect((await t.control("PUT", "/config", { image: { targetBytes: 400_000 } })).status).toBe(200);
    try {
      const r = await run({ scenario: "accepted", processType: "documentSelfie", documentType: "passport" });
      const zip = await zipOf(r);
      const front = await zip.file("media/front.jpg")!.async("uint8array");
      expect(front.length).toBeGreaterThan(250_000);
      expect(front.length).toBeLessThan(600_000);
    } finally {
      await t.control("PUT", "/config", { image: { targetBytes: null } });
    }
  });
});

describe("process objects", () => {
  it("have the shape of Signicat's examples for every final status", async () => {
    const fixtures = join(__dirname, "../../tests/fixtures/assure");
    const cases = { accepted: "accepted", rejected: "under-age", inconclusive: "spoof", failed: "failed-multiple-faces", canceled: "canceled" };
    for (const [status, scenario] of Object.entries(cases)) {
      const example = JSON.parse(readFileSync(join(fixtures, `process-${status}.json`), "utf8"));
      const r = await run({ scenario, processType: "documentSelfie", documentType: "identityCard" });
      const process = (await t.api("GET", `/dossiers/${r.dossierId}/processes/${r.processId}`)).body;
      expect(process.status).toBe(status);
      expect(Object.keys(process), status).toEqual(expect.arrayContaining(Object.keys(example).filter((k) => k !== "notificationUrl")));
      const keys = (o: object | undefined) => Object.keys(o ?? {});
      expect(keys(process.finalResult)).toEqual(expect.arrayContaining(keys(example.finalResult)));
      for (const part of keys(example.providerSpecific)) {
        expect(keys(process.providerSpecific[part]), `${status} ${part}`).toEqual(
          expect.arrayContaining(keys(example.providerSpecific[part])),
        );
      }
      if (status === "failed") expect(process.failReason).toEqual(example.failReason);
      expect("finalResult" in process).toBe(status === "accepted");
      expect("failReason" in process).toBe(status === "failed");
    }
  });
});
