import { availableParallelism } from "node:os";
import sharp from "sharp";

/**
 * Pictures for the evidence pack, made small: a document scan of several megabytes becomes a JPEG of at
 * most MAX_SIDE pixels a side. sharp (libvips) does the work in libuv's thread pool, off the event loop,
 * and decodes a large JPEG at 1/2, 1/4 or 1/8 of its size straight away (shrink-on-load): a 4000×3000
 * scan is never held at full size.
 */

export const MAX_SIDE = 900;
const JPEG_QUALITY = 72;
/** More than any camera's picture; a larger one (a decompression bomb) is refused before it is decoded. */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Invalid pixel data stops the decode (sharp's advice for untrusted input): the picture is then named, not shown. */
const INPUT_OPTIONS = { failOn: "warning", limitInputPixels: MAX_INPUT_PIXELS } as const;

export interface PdfImage {
  /** Every picture reaches the PDF as a JPEG (a PNG is converted). */
  format: "jpg";
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * Shrinks running at once in this process, whatever the number of packs being made: each holds a decoded
 * picture (at its shrink-on-load size), so memory stays bounded, and the thread pool keeps room for file
 * and crypto work.
 */
const MAX_RUNNING = Math.max(1, Math.min(4, availableParallelism()));
let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The bytes as a Buffer over the same memory: pictures are views of the zip's buffer, not copies. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A picture the PDF can embed: an upright JPEG of at most MAX_SIDE a side as it is; any other JPEG or PNG
 * turned upright (its EXIF orientation), shrunk to fit MAX_SIDE, laid on white (a PNG's transparency) and
 * encoded as a JPEG. Null for what the PDF cannot show (not a JPEG or PNG, an image that does not decode,
 * one over MAX_INPUT_PIXELS): the pack then names the picture instead.
 */
export async function pictureForPdf(bytes: Uint8Array, contentType: string): Promise<PdfImage | null> {
  if (contentType !== "image/jpeg" && contentType !== "image/png") return null;
  const input = asBuffer(bytes);
  return bounded(async () => {
    try {
      // The header only: no pixel is decoded to tell the size, the format and the orientation.
      const meta = await sharp(input, INPUT_OPTIONS).metadata();
      const upright = meta.orientation === undefined || meta.orientation === 1;
      const plain = meta.space === "srgb" || meta.space === "b-w";
      if (meta.format === "jpeg" && upright && plain && meta.width <= MAX_SIDE && meta.height <= MAX_SIDE) {
        return { format: "jpg", bytes, width: meta.width, height: meta.height };
      }
      const { data, info } = await sharp(input, INPUT_OPTIONS)
        // No angle: the EXIF orientation's, applied before the resize (which then keeps the shrink-on-load).
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: JPEG_QUALITY })
        .toBuffer({ resolveWithObject: true });
      return { format: "jpg", bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
    } catch {
      return null;
    }
  });
}
