import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadExample } from "../../tests/support/fixtures";
import { inflateEntry } from "./inflate-entry";
import { UnreadableResultError, UnsafeResultError } from "./result-errors";
import { DEFAULT_RESULT_LIMITS, type ResultLimits } from "./result-limits";
import { buildSampleZip, sampleCheck, sampleDocumentReport, sampleFacialReport, sampleJpeg } from "./testing/sample-result";
import { editCentralRecords, lieAboutSizes, markEncrypted, renameEntry } from "./testing/zip-surgery";
import { unpackResult } from "./unpack-result";
import { readZipDirectory } from "./zip-directory";

const limits = (overrides: Partial<ResultLimits>): ResultLimits => ({ ...DEFAULT_RESULT_LIMITS, ...overrides });

async function refusal(bytes: Uint8Array, overrides: Partial<ResultLimits> = {}) {
  const error = await unpackResult(bytes, limits(overrides)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the zip should have been refused").not.toBeNull();
  return error as UnsafeResultError | UnreadableResultError;
}

describe("unpackResult finds files by content, not by name", () => {
  it("sorts renamed files: reports, check, process, media and the rest", async () => {
    const document = sampleDocumentReport();
    const facial = sampleFacialReport({ faceMatch: 0.31 });
    const jpeg = sampleJpeg(40, 30);
    const zip = await buildSampleZip([
      { path: "0001.dat", content: loadExample("inconclusive") },
      { path: "x/y/blob.json", content: sampleCheck([document, facial]) },
      { path: "doc", content: document },
      { path: "face.txt", content: facial },
      { path: "pics/Document-Front.bin", content: jpeg },
      { path: "back", content: jpeg },
      { path: "selfie.png", content: jpeg },
      { path: "clip.jpg", content: new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]) },
      { path: "evil.jpg", content: new TextEncoder().encode("<html><script>alert(1)</script></html>") },
      { path: "notes.json", content: { hello: "world" } },
    ]);
    const result = await unpackResult(zip);
    expect(result.process?.status).toBe("inconclusive");
    expect(result.check?.report_ids).toHaveLength(2);
    expect(result.reports.map((r) => [r.path, r.report.name])).toEqual([
      ["doc", "document"],
      ["face.txt", "facial_similarity_photo"],
    ]);
    expect(result.media.map((m) => [m.slug, m.kind, m.contentType])).toEqual([
      ["front", "front", "image/jpeg"],
      ["back", "back", "image/jpeg"],
      ["selfie", "selfie", "image/jpeg"],
      ["clip", "other", "video/mp4"],
    ]);
    expect(result.others.map((o) => o.path)).toEqual(["evil.jpg"]);
    expect(result.json.map((j) => [j.path, j.role])).toContainEqual(["notes.json", "other"]);
    expect(result.json).toHaveLength(5);
    expect(result.inflatedBytes).toBeGreaterThan(0);
  });

  it("keeps an empty zip readable and flags JSON that does not parse", async () => {
    expect((await unpackResult(await buildSampleZip([]))).json).toEqual([]);
    const zip = await new JSZip().file("broken.json", "{ not json").generateAsync({ type: "uint8array" });
    const result = await unpackResult(zip);
    expect(result.warnings).toEqual([{ key: "jsonUnparseable", values: { path: "broken.json" } }]);
    expect(result.others[0]?.note).toEqual({ key: "jsonUnparseable" });
  });
});

describe("unpackResult refuses hostile zips", () => {
  const json = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `f${i}.json`, content: { i } }));

  it("refuses a zip larger than the limit before reading it", async () => {
    const error = await refusal(await buildSampleZip(json(3)), { maxZipBytes: 100 });
    expect(error).toBeInstanceOf(UnsafeResultError);
    expect(error.reason).toBe("zip-too-large");
  });

  it("refuses too many entries", async () => {
    const error = await refusal(await buildSampleZip(json(11)), { maxEntries: 10 });
    expect(error.reason).toBe("too-many-entries");
    expect(error.message).toMatch(/11 entries/);
  });

  it("refuses entries whose declared size is over the limit, before inflating", async () => {
    const zip = await buildSampleZip([{ path: "big.bin", content: new Uint8Array(200_000) }]);
    expect((await refusal(zip, { maxEntryBytes: 100_000 })).reason).toBe("declared-too-large");
    const two = await buildSampleZip([
      { path: "a.bin", content: new Uint8Array(60_000) },
      { path: "b.bin", content: new Uint8Array(60_000) },
    ]);
    expect((await refusal(two, { maxTotalBytes: 100_000 })).reason).toBe("declared-too-large");
  });

  it("stops inflating a zip bomb whose header lies about its size", async () => {
    const bomb = new JSZip().file("bomb.json", new Uint8Array(20 * 1024 * 1024), { compression: "DEFLATE" });
    const honest = await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(honest.byteLength).toBeLessThan(100_000);
    const error = await refusal(lieAboutSizes(honest, 1_000));
    expect(error).toBeInstanceOf(UnsafeResultError);
    expect(error.reason).toBe("inflated-too-large");
  });

  it("caps the bytes inflated across the whole zip", async () => {
    const zip = await buildSampleZip([{ path: "a.bin", content: new Uint8Array(50_000) }]);
    const [entry] = readZipDirectory(zip, DEFAULT_RESULT_LIMITS);
    const budget = { remaining: 10_000 };
    await expect(inflateEntry(zip, entry!, 1_000_000, budget)).rejects.toMatchObject({ reason: "inflated-too-large" });
    expect(budget.remaining).toBe(10_000);
    const roomy = { remaining: 60_000 };
    expect((await inflateEntry(zip, entry!, 1_000_000, roomy)).byteLength).toBe(50_000);
    expect(roomy.remaining).toBe(10_000);
  });

  it("inflates a large entry off the event loop, under the same cap", async () => {
    const big = { rows: Array.from({ length: 40_000 }, (_, i) => ({ i, text: "padding" })) };
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const zip = await new JSZip().file("big.json", text).generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const result = await unpackResult(zip);
    expect(result.json[0]!.value).toEqual(big);
    const lying = await refusal(lieAboutSizes(zip, text.length - 1000));
    expect(lying.reason).toBe("inflated-too-large");
  });

  it("refuses an entry whose local header is not where the directory says, or whose data runs past the end", async () => {
    const zip = await buildSampleZip([{ path: "a.json", content: { a: 1 } }, { path: "b.json", content: { b: 2 } }]);
    const moved = editCentralRecords(zip, (view, at, index) => {
      if (index === 1) view.setUint32(at + 42, view.getUint32(at + 42, true) + 3, true);
    });
    expect(await refusal(moved)).toMatchObject({ reason: "corrupt", message: expect.stringMatching(/no local header/) });
    const pastDirectory = editCentralRecords(zip, (view, at, index) => {
      if (index === 1) view.setUint32(at + 20, 1_000_000, true);
    });
    expect(await refusal(pastDirectory)).toMatchObject({ reason: "corrupt", message: expect.stringMatching(/past the start of its directory/) });
  });

  it("refuses a stored entry that declares two sizes", async () => {
    const zip = await buildSampleZip([{ path: "front.jpg", content: sampleJpeg(20, 20) }]);
    const error = await refusal(lieAboutSizes(zip, 10));
    expect(error).toMatchObject({ reason: "corrupt", message: expect.stringMatching(/declares two different sizes/) });
  });

  it.each([
    ["../evil.json", "a '..' path component"],
    ["/etc/passwd", "an absolute path"],
    ["C:/boot.ini", "an absolute path"],
    ["dir\\evil.js", "a backslash"],
    ["nul\0.json", "a NUL character"],
    ["bell\u0007.json", "a control character"],
  ])("refuses the entry name %j", async (name, problem) => {
    const placeholder = "z".repeat(new TextEncoder().encode(name).length);
    const zip = renameEntry(await buildSampleZip([{ path: placeholder, content: { a: 1 } }]), placeholder, name);
    const error = await refusal(zip);
    expect(error.reason).toBe("entry-name");
    expect(error.message).toContain(problem);
  });

  it("refuses very long names and duplicate names", async () => {
    const long = `${"a".repeat(300)}.json`;
    expect((await refusal(await buildSampleZip([{ path: long, content: {} }]))).reason).toBe("entry-name");
    const twice = renameEntry(await buildSampleZip([{ path: "a.json", content: {} }, { path: "b.json", content: {} }]), "b.json", "a.json");
    expect((await refusal(twice)).reason).toBe("duplicate-name");
  });

  it("refuses encrypted entries", async () => {
    expect((await refusal(markEncrypted(await buildSampleZip(json(1))))).reason).toBe("encrypted");
  });

  it("calls truncated and non-zip data unreadable", async () => {
    const zip = await buildSampleZip([...json(2), { path: "front.jpg", content: sampleJpeg(20, 20) }]);
    const cut = await refusal(zip.subarray(0, Math.floor(zip.length / 2)));
    expect(cut).toBeInstanceOf(UnreadableResultError);
    expect(cut.reason).toBe("truncated");
    expect((await refusal(zip.subarray(200))).reason).toBe("truncated");
    expect((await refusal(new TextEncoder().encode("<html>not a zip at all</html>"))).reason).toBe("not-a-zip");
    expect((await refusal(new Uint8Array(3))).reason).toBe("not-a-zip");
  });

  it("calls an entry whose data is damaged unreadable", async () => {
    const zip = await buildSampleZip([{ path: "a.json", content: { a: "b".repeat(5000) } }]);
    // The first entry's data starts after its local header (30 bytes), name and extra field.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const dataStart = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const damaged = zip.slice();
    damaged.fill(0xff, dataStart, dataStart + 8);
    const error = await refusal(damaged);
    expect(error).toBeInstanceOf(UnreadableResultError);
    expect(error.reason).toBe("corrupt");
    expect(error.message).toMatch(/could not be inflated/);
  });
});

describe("unpackResult's memory", () => {
  it("keeps a stored picture as a view of the zip, not a copy, and inflates a deflated one into one buffer", async () => {
    const jpeg = sampleJpeg(200, 150);
    const zip = await buildSampleZip([{ path: "media/front.jpg", content: jpeg }]);
    const deflated = await new JSZip().file("media/back.jpg", jpeg, { compression: "DEFLATE" }).generateAsync({ type: "uint8array" });
    const [stored, inflated] = [(await unpackResult(zip)).media[0]!, (await unpackResult(deflated)).media[0]!];
    expect(Buffer.from(stored.bytes).equals(Buffer.from(jpeg))).toBe(true);
    expect(stored.bytes.buffer).toBe(zip.buffer);
    expect(Buffer.from(inflated.bytes).equals(Buffer.from(jpeg))).toBe(true);
    expect(inflated.bytes.buffer).not.toBe(deflated.buffer);
    expect(inflated.bytes.buffer.byteLength).toBe(jpeg.byteLength);
  });
});
