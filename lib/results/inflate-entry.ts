import type JSZip from "jszip";
import { UnreadableResultError, UnsafeResultError } from "./result-errors";
import { formatBytes } from "./result-limits";

/** Bytes still allowed across the whole zip; each entry takes its share as it inflates. */
export interface InflateBudget {
  remaining: number;
}

/** JSZip's own stream (`internalStream`), public at run time but missing from its type definitions. */
interface InternalStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): InternalStream;
  on(event: "error", listener: (error: Error) => void): InternalStream;
  on(event: "end", listener: () => void): InternalStream;
  pause(): InternalStream;
  resume(): InternalStream;
}

function openStream(file: JSZip.JSZipObject): InternalStream {
  return (file as unknown as { internalStream(type: "uint8array"): InternalStream }).internalStream("uint8array");
}

/** JSZip's record of an entry as it lies in the zip; private, so every field is checked before use. */
interface CompressedEntry {
  compression?: { magic?: string };
  compressedSize?: number;
  uncompressedSize?: number;
  compressedContent?: unknown;
}

/**
 * A stored (uncompressed) entry is its bytes in the zip already: a view of them, not a copy. Pictures are
 * stored this way (JPEG does not deflate), so a 20 MB result holds its pictures once, inside the zip.
 */
function storedBytes(file: JSZip.JSZipObject): Uint8Array | null {
  const data = (file as unknown as { _data?: CompressedEntry })._data;
  const content = data?.compressedContent;
  if (data?.compression?.magic !== "\x00\x00" || !(content instanceof Uint8Array)) return null;
  if (content.byteLength !== data.compressedSize || content.byteLength !== data.uncompressedSize) return null;
  return content;
}

/**
 * Inflates one entry as a stream and stops as soon as it passes its cap (its declared size, or the zip's
 * remaining budget). Declared sizes can lie: a few kilobytes of deflate can claim 1 KB and inflate to
 * gigabytes, so the bytes actually produced are counted, not the header's promise.
 */
export function inflateEntry(file: JSZip.JSZipObject, name: string, cap: number, budget: InflateBudget): Promise<Uint8Array> {
  const stored = storedBytes(file);
  if (stored) {
    if (stored.byteLength > budget.remaining) {
      return Promise.reject(new UnsafeResultError("inflated-too-large", `The zip inflates to more than its limit of content (at "${name}").`));
    }
    if (stored.byteLength > cap) {
      return Promise.reject(new UnsafeResultError("inflated-too-large", `The zip's entry "${name}" inflates past its declared ${formatBytes(cap)}.`));
    }
    budget.remaining -= stored.byteLength;
    return Promise.resolve(stored);
  }
  return new Promise((resolve, reject) => {
    // Inflated straight into one buffer of the declared size: no list of chunks joined into a second copy.
    // The cap bounds the allocation (a declared size over the limits was refused before anything inflated).
    let out = new Uint8Array(Math.min(cap, budget.remaining));
    let total = 0;
    let settled = false;
    const stream = openStream(file);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stream.pause();
      out = new Uint8Array(0);
      reject(error);
    };
    stream
      .on("data", (chunk: Uint8Array) => {
        if (settled) return;
        total += chunk.byteLength;
        if (total > budget.remaining) {
          fail(new UnsafeResultError("inflated-too-large", `The zip inflates to more than its limit of content (at "${name}").`));
        } else if (total > cap) {
          fail(new UnsafeResultError("inflated-too-large", `The zip's entry "${name}" inflates past its declared ${formatBytes(cap)}.`));
        } else {
          out.set(chunk, total - chunk.byteLength);
        }
      })
      .on("error", (error: Error) => {
        fail(new UnreadableResultError("corrupt", `The zip's entry "${name}" could not be inflated: ${error.message}`, { cause: error }));
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        budget.remaining -= total;
        // A declared size far above the real one would keep the unused rest alive in the cache: trim it.
        resolve(total < out.byteLength / 2 ? out.slice(0, total) : out.subarray(0, total));
      })
      .resume();
  });
}
