import { encode } from "jpeg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPending, jpegDataUrl, startTestSimulator, type TestSimulator, waitFor } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ maxImageBytes: 20_000 });
});
afterAll(() => t.sim.close());

/** A real JPEG; `noisy` makes it too big to compress away. */
function jpeg(shade: number, size = 16, noisy = false): Buffer {
  const data = Buffer.alloc(size * size * 4, shade);
  if (noisy) for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  return encode({ data, width: size, height: size }, 90).data;
}
const PNG_1PX =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const path = (ids: { dossierId: string; processId: string }, rest = "") =>
  `/dossiers/${ids.dossierId}/processes/${ids.processId}${rest}`;

describe("set images and get image", () => {
  it("stores data URLs (204) and gives back the same bytes with their content type", async () => {
    const ids = await createPending(t);
    const front = jpeg(40);
    const set = await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(front), selfie: `data:image/png;base64,${PNG_1PX}` });
    expect(set.status).toBe(204);
    const got = await t.api("GET", path(ids, "/images/front"));
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.bytes.equals(front)).toBe(true);
    const selfie = await t.api("GET", path(ids, "/images/selfie"));
    expect(selfie.headers.get("content-type")).toBe("image/png");
    expect(selfie.bytes.equals(Buffer.from(PNG_1PX, "base64"))).toBe(true);
  });

  it("replaces only the kinds sent", async () => {
    const ids = await createPending(t);
    const [a, b, c] = [jpeg(10), jpeg(100), jpeg(200)];
    await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(a), back: jpegDataUrl(b) });
    await t.api("POST", path(ids, "/images"), { back: jpegDataUrl(c) });
    expect((await t.api("GET", path(ids, "/images/front"))).bytes.equals(a)).toBe(true);
    expect((await t.api("GET", path(ids, "/images/back"))).bytes.equals(c)).toBe(true);
  });

  it("answers 404 for an absent image and always for portrait", async () => {
    const ids = await createPending(t);
    await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(jpeg(5)) });
    expect((await t.api("GET", path(ids, "/images/back"))).status).toBe(404);
    expect((await t.api("GET", path(ids, "/images/portrait"))).status).toBe(404);
  });

  it("names every bad image in invalidParams: type, data URL, base64, size, signature, unknown kind", async () => {
    const ids = await createPending(t);
    const big = jpeg(128, 200, true);
    expect(big.length).toBeGreaterThan(20_000);
    const answer = await t.api("POST", path(ids, "/images"), {
      front: "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
      back: "https://example.com/back.jpg",
      selfie: jpegDataUrl(big),
      portrait: jpegDataUrl(jpeg(1)),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("validation-error");
    const reasons = Object.fromEntries(answer.body.invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]));
    expect(reasons.front).toMatch(/image\/gif/);
    expect(reasons.back).toMatch(/data URL/);
    expect(reasons.selfie).toMatch(/limit/);
    expect(reasons.portrait).toMatch(/unknown image kind/);
    const more = await t.api("POST", path(ids, "/images"), { front: "data:image/jpeg;base64,@@@@", back: `data:image/jpeg;base64,${PNG_1PX}` });
    const more2 = Object.fromEntries(more.body.invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]));
    expect(more2.front).toMatch(/base64/);
    expect(more2.back).toMatch(/not a image\/jpeg/);
    expect((await t.api("POST", path(ids, "/images"), {})).status).toBe(400);
    expect((await t.api("GET", path(ids, "/images/front"))).status).toBe(404);
  });

  it("answers 400 for documentVideo (the SDK captures it) and once the process is not pending", async () => {
    const video = await createPending(t, { processType: "documentVideo" });
    const refused = await t.api("POST", path(video, "/images"), { front: jpegDataUrl(jpeg(9)) });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/SDK/);
    const ids = await createPending(t);
    await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(jpeg(9)) });
    expect((await t.api("POST", path(ids))).status).toBe(200);
    expect((await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(jpeg(9)) })).status).toBe(400);
  });
});

describe("start verification", () => {
  it("starts (200, processing, no SDK token), then becomes final and a second start is 400", async () => {
    const ids = await createPending(t);
    await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(jpeg(30)), selfie: jpegDataUrl(jpeg(60)) });
    const started = await t.api("POST", path(ids), {});
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("processing");
    expect(started.body.authorization).toBeUndefined();
    const again = await t.api("POST", path(ids));
    expect(again.status).toBe(400);
    expect(again.body.title).toBe("Process already started.");
    const final = await waitFor(async () => {
      const p = await t.api("GET", path(ids));
      return p.body.status === "processing" ? undefined : p.body;
    });
    expect(final.status).toBe("accepted");
    expect(final.finalResult.similarityScore).toMatch(/high|medium/);
  });

  it("requires a location; the process stays pending", async () => {
    const ids = await createPending(t, { processParameters: {} });
    await t.api("POST", path(ids, "/images"), { front: jpegDataUrl(jpeg(1)) });
    const answer = await t.api("POST", path(ids));
    expect(answer.status).toBe(400);
    expect(answer.body.invalidParams).toEqual([{ name: "processParameters.location", reason: expect.any(String) }]);
    expect((await t.api("GET", path(ids))).body.status).toBe("pending");
    const bad = await createPending(t, { processParameters: { location: { countryOfResidence: "PT" } } });
    await t.api("POST", path(bad, "/images"), { front: jpegDataUrl(jpeg(1)) });
    expect((await t.api("POST", path(bad))).body.invalidParams[0].name).toBe("processParameters.location.countryOfResidence");
    const ip = await createPending(t, { processParameters: { location: { ipAddress: "203.0.113.7" } } });
    await t.api("POST", path(ip, "/images"), { front: jpegDataUrl(jpeg(1)) });
    expect((await t.api("POST", path(ip))).status).toBe(200);
  });

  it("requires privacy consent from a US resident for documentSelfie and documentVideo, not for document", async () => {
    const usa = { location: { countryOfResidence: "USA" } };
    for (const processType of ["documentSelfie", "documentVideo"]) {
      const ids = await createPending(t, { processType, processParameters: usa });
      const answer = await t.api("POST", path(ids));
      expect(answer.status).toBe(400);
      expect(answer.body.invalidParams.map((p: { name: string }) => p.name)).toContain("processParameters.consents.privacy");
    }
    const consented = await createPending(t, { processParameters: { ...usa, consents: { privacy: true } } });
    await t.api("POST", path(consented, "/images"), { front: jpegDataUrl(jpeg(1)) });
    expect((await t.api("POST", path(consented))).status).toBe(200);
    const doc = await createPending(t, { processType: "document", processParameters: usa });
    await t.api("POST", path(doc, "/images"), { front: jpegDataUrl(jpeg(1)) });
    expect((await t.api("POST", path(doc))).status).toBe(200);
  });

  it("requires images unless the dossier has files, and then uses the dossier's files", async () => {
    const ids = await createPending(t);
    const none = await t.api("POST", path(ids));
    expect(none.status).toBe(400);
    expect(none.body.invalidParams).toEqual([{ name: "images", reason: expect.any(String) }]);
    const file = jpeg(77);
    expect((await t.api("POST", `/dossiers/${ids.dossierId}/files`, { front: jpegDataUrl(file) })).status).toBe(204);
    expect((await t.api("POST", `/dossiers/${ids.dossierId}/files`, { front: "nope" })).status).toBe(400);
    expect((await t.api("POST", path(ids))).status).toBe(200);
    expect((await t.api("GET", path(ids, "/images/front"))).bytes.equals(file)).toBe(true);
  });

  it("answers 404 for an unknown process and 400 for a non-object body", async () => {
    const ids = await createPending(t);
    expect((await t.api("POST", `/dossiers/${ids.dossierId}/processes/unknown`)).status).toBe(404);
    expect((await t.api("POST", path(ids), [1, 2])).status).toBe(400);
  });
});
