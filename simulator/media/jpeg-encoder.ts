/**
 * JPEG encoding with jpeg-js, reusing one encoder. jpeg-js's public `encode()` builds a new encoder on every
 * call, and building one allocates some 130,000 small table arrays (15–30 ms, more than encoding an
 * 800-pixel picture): a zip with three pictures took ~60 ms, now ~15. The encoder class is not exported, so
 * it is taken once from the module's own source; if that ever fails (a jpeg-js release that renames it),
 * encoding falls back to the public `encode()`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { encode } from "jpeg-js";

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

interface Encoder {
  encode(image: RawImage, quality: number): Buffer | number[];
}

type EncoderClass = new (quality: number) => Encoder;

function loadEncoderClass(): EncoderClass | undefined {
  try {
    const require = createRequire(__filename);
    const source = readFileSync(require.resolve("jpeg-js/lib/encoder.js"), "utf8");
    const factory = new Function("module", "require", `${source}\n;return JPEGEncoder;`) as (
      module: { exports: unknown },
      req: NodeRequire,
    ) => unknown;
    const found = factory({ exports: {} }, require);
    return typeof found === "function" ? (found as EncoderClass) : undefined;
  } catch {
    return undefined;
  }
}

let encoder: Encoder | null | undefined;

export function encodeJpeg(image: RawImage, quality: number): Buffer {
  if (encoder === undefined) {
    const Class = loadEncoderClass();
    encoder = Class ? new Class(quality) : null;
  }
  if (!encoder) return encode(image, quality).data;
  const out = encoder.encode(image, quality);
  return Buffer.isBuffer(out) ? out : Buffer.from(out);
}
