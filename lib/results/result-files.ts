import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, rm, rename, stat } from "node:fs/promises";
import path from "node:path";
import { UnreadableResultError } from "./result-errors";
import { formatBytes } from "./result-limits";

/**
 * Full-result zips as files, named by their SHA-256: `<dir>/<first two hex digits>/<sha256>.zip`. The same
 * zip is one file however many processes hold it, and a file's name says what its bytes must hash to, so a
 * torn or altered file is recognised on every read.
 */

const SHA256 = /^[0-9a-f]{64}$/;
/** Read in chunks this size straight into the result's buffer: no second copy of the zip. */
const READ_CHUNK = 1024 * 1024;

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function resultFilePath(dir: string, sha256: string): string {
  // The key comes from our own row, but a path built from it must never leave the folder.
  if (!SHA256.test(sha256)) throw new Error(`Not a sha256 key: ${sha256.slice(0, 80)}`);
  return path.join(dir, sha256.slice(0, 2), `${sha256}.zip`);
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a zip under its hash so that a reader sees the old file or the new one, never a part: a temporary
 * file of a unique name, fsync, rename over the final name, fsync of the folder (the rename itself must
 * survive a power cut). Two writers of the same zip each rename a complete copy of the same bytes, so
 * whichever lands last, the file is whole. Rewriting an existing file also repairs a damaged one.
 */
export async function writeResultFile(dir: string, sha256: string, bytes: Uint8Array): Promise<string> {
  const target = resultFilePath(dir, sha256);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `.tmp-${sha256.slice(0, 12)}-${process.pid}-${randomBytes(6).toString("hex")}`);
  try {
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await fsyncDirectory(folder);
  return target;
}

function damaged(message: string, cause?: unknown): UnreadableResultError {
  return new UnreadableResultError("damaged", message, cause === undefined ? undefined : { cause });
}

/**
 * Reads a stored zip in chunks into one buffer of the recorded size while hashing it, and refuses it unless
 * both size and hash match: a torn, truncated, altered or missing file is a clear error, never served.
 */
export async function readResultFile(dir: string, sha256: string, sizeBytes: number): Promise<Uint8Array> {
  const file = resultFilePath(dir, sha256);
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw damaged(`The stored zip is missing: no file ${sha256.slice(0, 12)}… in the result folder. Restore it from a backup or download it again from Assure.`, error);
    }
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size !== sizeBytes) {
      throw damaged(`The stored zip is damaged: its file holds ${formatBytes(size)}, but ${formatBytes(sizeBytes)} were stored. It is not shown.`);
    }
    const buffer = Buffer.allocUnsafe(sizeBytes);
    const hash = createHash("sha256");
    let at = 0;
    while (at < sizeBytes) {
      const { bytesRead } = await handle.read(buffer, at, Math.min(READ_CHUNK, sizeBytes - at), at);
      if (bytesRead === 0) throw damaged("The stored zip is damaged: its file ended early while it was read. It is not shown.");
      hash.update(buffer.subarray(at, at + bytesRead));
      at += bytesRead;
    }
    if (hash.digest("hex") !== sha256) {
      throw damaged(`The stored zip is damaged: its content no longer matches its sha256 ${sha256.slice(0, 12)}…. It is not shown.`);
    }
    return buffer;
  } finally {
    await handle.close();
  }
}

/** Removes a zip's file; a file already gone is fine (a delete may be repeated). */
export async function removeResultFile(dir: string, sha256: string): Promise<void> {
  await rm(resultFilePath(dir, sha256), { force: true });
}

export async function resultFileExists(dir: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(resultFilePath(dir, sha256))).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
