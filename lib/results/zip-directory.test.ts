import { describe, expect, it } from "vitest";
import { UnreadableResultError } from "./result-errors";
import { DEFAULT_RESULT_LIMITS } from "./result-limits";
import { buildSampleZip } from "./testing/sample-result";
import { gapBeforeEndRecord, withZip64EndRecord } from "./testing/zip-surgery";
import { unpackResult } from "./unpack-result";
import { readZipDirectory } from "./zip-directory";

/** The central directory of `zip` (offset and size from its end record), repeated `times`. */
function directoryCopies(zip: Uint8Array, times: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const directory = zip.subarray(view.getUint32(end + 16, true), view.getUint32(end + 16, true) + view.getUint32(end + 12, true));
  const out = new Uint8Array(directory.length * times);
  for (let i = 0; i < times; i++) out.set(directory, i * directory.length);
  return out;
}

describe("readZipDirectory: the directory must end where the end record begins", () => {
  it("refuses a gap between the directory and the end record (JSZip would read the shifted one)", async () => {
    const zip = await buildSampleZip([{ path: "a.json", content: { a: 1 } }]);
    const crafted = gapBeforeEndRecord(zip, directoryCopies(zip, 50));
    expect(() => readZipDirectory(crafted, DEFAULT_RESULT_LIMITS)).toThrow(UnreadableResultError);
    expect(() => readZipDirectory(crafted, DEFAULT_RESULT_LIMITS)).toThrow(/does not end where its end record begins/);
    await expect(unpackResult(crafted)).rejects.toMatchObject({ reason: "corrupt" });
    // A single stray byte is a gap too.
    expect(() => readZipDirectory(gapBeforeEndRecord(zip, new Uint8Array(1)), DEFAULT_RESULT_LIMITS)).toThrow(UnreadableResultError);
  });

  it("reads a ZIP64 end record whose directory ends at it, and refuses one with a gap", async () => {
    const zip = await buildSampleZip([
      { path: "a.json", content: { a: 1 } },
      { path: "b.json", content: { b: 2 } },
    ]);
    expect(readZipDirectory(withZip64EndRecord(zip), DEFAULT_RESULT_LIMITS).map((e) => e.name)).toEqual(["a.json", "b.json"]);
    const crafted = withZip64EndRecord(zip, directoryCopies(zip, 50));
    expect(() => readZipDirectory(crafted, DEFAULT_RESULT_LIMITS)).toThrow(/does not end where its end record begins/);
  });

  it("still reads an ordinary zip", async () => {
    const zip = await buildSampleZip([{ path: "a.json", content: { a: 1 } }]);
    expect(readZipDirectory(zip, DEFAULT_RESULT_LIMITS).map((e) => e.name)).toEqual(["a.json"]);
  });
});
