import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, truncateSync, writeFileSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readResultFile, removeResultFile, resultFilePath, sha256Of, writeResultFile } from "./result-files";
import { UnreadableResultError } from "./result-errors";

const root = mkdtempSync(path.join(tmpdir(), "desk-result-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, String(n++));

/** Every file under a folder, relative, temporary ones included. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe("writeResultFile", () => {
  it("writes the zip under its sha256 and leaves no temporary file", async () => {
    const dir = freshDir();
    const zip = new Uint8Array(randomBytes(200_000));
    const sha = sha256Of(zip);
    const file = await writeResultFile(dir, sha, zip);
    expect(file).toBe(path.join(dir, sha.slice(0, 2), `${sha}.zip`));
    expect(readFileSync(file).equals(zip)).toBe(true);
    expect(filesUnder(dir)).toEqual([path.join(sha.slice(0, 2), `${sha}.zip`)]);
  });

  it("replaces a file by rename: a reader of the old file keeps whole old bytes, the name gets whole new ones", async () => {
    const dir = freshDir();
    const zip = new Uint8Array(randomBytes(100_000));
    const sha = sha256Of(zip);
    const file = resultFilePath(dir, sha);
    mkdirSync(path.dirname(file), { recursive: true });
    const torn = Buffer.from(zip.subarray(0, 4_000));
    writeFileSync(file, torn);
    const reader = openSync(file, "r");
    try {
      await writeResultFile(dir, sha, zip);
      // Writing in place would have changed the open file under the reader; a rename leaves its inode alone.
      const seen = Buffer.alloc(10_000);
      expect(readSync(reader, seen, 0, seen.length, 0)).toBe(4_000);
    } finally {
      closeSync(reader);
    }
    expect(readFileSync(file).equals(zip)).toBe(true);
  });

  it("leaves neither a temporary file nor a file under the final name when the write fails", async () => {
    const dir = freshDir();
    const zip = new Uint8Array(randomBytes(10_000));
    const sha = sha256Of(zip);
    // A non-empty folder where the file should go: the rename fails after the temporary file was written.
    mkdirSync(path.join(resultFilePath(dir, sha), "in-the-way"), { recursive: true });
    await expect(writeResultFile(dir, sha, zip)).rejects.toThrow();
    expect(filesUnder(dir)).toEqual([]);
  });

  it("keeps one whole file when many writers store the same zip at once", async () => {
    const dir = freshDir();
    const zip = new Uint8Array(randomBytes(2_000_000));
    const sha = sha256Of(zip);
    await Promise.all(Array.from({ length: 8 }, () => writeResultFile(dir, sha, zip)));
    expect(filesUnder(dir)).toEqual([path.join(sha.slice(0, 2), `${sha}.zip`)]);
    expect(Buffer.from(await readResultFile(dir, sha, zip.byteLength)).equals(zip)).toBe(true);
  });

  it("refuses a key that is not a sha256, so no path can leave the folder", () => {
    expect(() => resultFilePath("/results", "../../etc/passwd")).toThrow(/Not a sha256 key/);
  });
});

describe("readResultFile", () => {
  async function stored() {
    const dir = freshDir();
    const zip = new Uint8Array(randomBytes(3_000_000));
    const sha = sha256Of(zip);
    await writeResultFile(dir, sha, zip);
    return { dir, zip, sha, file: resultFilePath(dir, sha) };
  }

  async function refusal(read: Promise<unknown>): Promise<UnreadableResultError> {
    const error = await read.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableResultError);
    expect((error as UnreadableResultError).reason).toBe("damaged");
    return error as UnreadableResultError;
  }

  it("answers the bytes when size and hash match", async () => {
    const { dir, zip, sha } = await stored();
    expect(Buffer.from(await readResultFile(dir, sha, zip.byteLength)).equals(zip)).toBe(true);
  });

  it("detects a torn (truncated) file", async () => {
    const { dir, zip, sha, file } = await stored();
    truncateSync(file, 1_000_000);
    expect((await refusal(readResultFile(dir, sha, zip.byteLength))).message).toMatch(/damaged: its file holds 976\.6 KiB, but 2\.9 MiB were stored/);
  });

  it("detects an altered file of the right size", async () => {
    const { dir, zip, sha, file } = await stored();
    const altered = Buffer.from(zip);
    altered[2_500_000] = altered[2_500_000]! ^ 0xff;
    writeFileSync(file, altered);
    expect((await refusal(readResultFile(dir, sha, zip.byteLength))).message).toMatch(/no longer matches its sha256/);
  });

  it("detects a missing file, and a delete may be repeated", async () => {
    const { dir, zip, sha } = await stored();
    await removeResultFile(dir, sha);
    await removeResultFile(dir, sha);
    expect((await refusal(readResultFile(dir, sha, zip.byteLength))).message).toMatch(/missing/);
  });
});
