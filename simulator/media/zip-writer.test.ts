import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { writeZip } from "./zip-writer";

describe("writeZip", () => {
  const json = Buffer.from(JSON.stringify({ hello: "wörld", list: Array.from({ length: 200 }, (_, i) => i) }, null, 2));
  const picture = Buffer.from(Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 256));
  const zip = writeZip(
    [
      { name: "process.json", bytes: json, compress: true },
      { name: "media/front.jpg", bytes: picture, compress: false },
      { name: "onfido/reports/ünïcode.json", bytes: Buffer.from("{}\n"), compress: true },
      { name: "empty.txt", bytes: Buffer.alloc(0), compress: true },
    ],
    new Date("2024-05-01T10:20:30Z"),
  );

  it("is read back entry for entry by another zip library, names, dates and bytes intact", async () => {
    const read = await JSZip.loadAsync(zip);
    expect(Object.keys(read.files).sort()).toEqual(["empty.txt", "media/front.jpg", "onfido/reports/ünïcode.json", "process.json"]);
    expect(Buffer.from(await read.file("process.json")!.async("uint8array"))).toEqual(json);
    expect(Buffer.from(await read.file("media/front.jpg")!.async("uint8array"))).toEqual(picture);
    expect(await read.file("empty.txt")!.async("string")).toBe("");
    expect(read.file("process.json")!.date.getUTCFullYear()).toBe(2024);
  });

  it("deflates what it is asked to and stores the rest", () => {
    expect(zip.length).toBeLessThan(json.length + picture.length);
    expect(zip.readUInt16LE(8)).toBe(8); // first entry: deflate
  });

  it("passes unzip's own integrity test, CRCs included", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-writer-"));
    const file = join(dir, "result.zip");
    writeFileSync(file, zip);
    let output: string;
    try {
      output = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // no unzip on this machine
      throw error;
    }
    expect(output).toContain("No errors detected");
  });
});
