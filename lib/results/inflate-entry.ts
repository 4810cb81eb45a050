import { promisify } from "node:util";
import { inflateRaw, inflateRawSync, type ZlibOptions } from "node:zlib";
import { UnreadableResultError, UnsafeResultError } from "./result-errors";
import { formatBytes } from "./result-limits";
import type { DirectoryEntry } from "./zip-directory";

/** Bytes still allowed across the whole zip; each entry takes its share as it inflates. */
export interface InflateBudget {
  remaining: number;
}

const LOCAL_HEADER = 0x04034b50;
/** Entries declaring more than this are inflated on libuv's thread pool, not on the event loop. */
const INFLATE_ON_LOOP_BYTES = 1024 * 1024;
const inflateRawAsync = promisify(inflateRaw);

/** The entry's bytes as they lie in the zip (a view): after its local header, its name and extra field. */
function entryData(zip: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (at + 30 > zip.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new UnreadableResultError("corrupt", `The zip's entry "${entry.name}" has no local header where its directory says.`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.byteLength) {
    throw new UnreadableResultError("truncated", `The zip's entry "${entry.name}" runs past the end of the file.`);
  }
  return zip.subarray(start, start + entry.compressedSize);
}

function tooLarge(entry: DirectoryEntry, cap: number, budget: InflateBudget): UnsafeResultError {
  return budget.remaining < cap
    ? new UnsafeResultError("inflated-too-large", `The zip inflates to more than its limit of content (at "${entry.name}").`)
    : new UnsafeResultError("inflated-too-large", `The zip's entry "${entry.name}" inflates past its declared ${formatBytes(cap)}.`);
}

/** zlib's answer as one buffer of its own length: a small one comes out of Node's shared pool. */
function exactly(inflated: Buffer): Uint8Array {
  const bytes = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
  return inflated.byteOffset === 0 && inflated.buffer.byteLength === inflated.byteLength ? bytes : bytes.slice();
}

/**
 * One entry of a zip whose directory was read (zip-directory.ts), under a cap (its declared size, or the
 * zip's remaining budget, whichever is smaller). A stored entry (pictures and videos: JPEG and MP4 do not
 * deflate) is a view of the zip's bytes, not a copy. A deflated one is inflated by zlib, which stops at the
 * cap: declared sizes can lie, and a few kilobytes of deflate can claim 1 KB and inflate to gigabytes, so
 * the bytes actually produced are counted, not the header's promise. Large entries inflate off the event
 * loop. Throws `UnsafeResultError` past a cap and `UnreadableResultError` for damaged data.
 */
export async function inflateEntry(zip: Uint8Array, entry: DirectoryEntry, cap: number, budget: InflateBudget): Promise<Uint8Array> {
  const data = entryData(zip, entry);
  const limit = Math.min(cap, budget.remaining);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw new UnreadableResultError("corrupt", `The zip's stored entry "${entry.name}" declares two different sizes.`);
    }
    if (data.byteLength > limit) throw tooLarge(entry, cap, budget);
    budget.remaining -= data.byteLength;
    return data;
  }
  // One chunk of the declared size: an honest entry inflates into one buffer, with no list of chunks to join.
  const options: ZlibOptions = { maxOutputLength: Math.max(1, limit), chunkSize: Math.max(64, Math.min(limit, entry.uncompressedSize)) };
  let inflated: Buffer;
  try {
    inflated = entry.uncompressedSize > INFLATE_ON_LOOP_BYTES ? await inflateRawAsync(data, options) : inflateRawSync(data, options);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(entry, cap, budget);
    throw new UnreadableResultError("corrupt", `The zip's entry "${entry.name}" could not be inflated: ${(error as Error).message}`, { cause: error });
  }
  if (inflated.byteLength > limit) throw tooLarge(entry, cap, budget);
  budget.remaining -= inflated.byteLength;
  return exactly(inflated);
}
