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

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Inflates one entry as a stream and stops as soon as it passes its cap (its declared size, or the zip's
 * remaining budget). Declared sizes can lie: a few kilobytes of deflate can claim 1 KB and inflate to
 * gigabytes, so the bytes actually produced are counted, not the header's promise.
 */
export function inflateEntry(file: JSZip.JSZipObject, name: string, cap: number, budget: InflateBudget): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const stream = openStream(file);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stream.pause();
      chunks.length = 0;
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
          chunks.push(chunk);
        }
      })
      .on("error", (error: Error) => {
        fail(new UnreadableResultError("corrupt", `The zip's entry "${name}" could not be inflated: ${error.message}`, { cause: error }));
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        budget.remaining -= total;
        resolve(concat(chunks, total));
      })
      .resume();
  });
}
