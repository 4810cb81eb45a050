import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Pictures for the evidence pack, made small: a document scan of several megabytes becomes a JPEG of at
 * most MAX_SIDE pixels a side. Decoding and encoding use mozjpeg compiled to WebAssembly (@jsquash/jpeg):
 * no native binary to download, and several times faster than a JavaScript decoder on camera-sized scans.
 */

export const MAX_SIDE = 900;
/** Baseline, not progressive, Huffman tables not optimised: a few kilobytes larger, several times quicker to make. */
const ENCODE_OPTIONS = { quality: 72, baseline: true, progressive: false, optimize_coding: false };

export interface PdfImage {
  format: "jpg" | "png";
  bytes: Uint8Array;
  width: number;
  height: number;
}

type Codec = { decode: (buffer: ArrayBuffer) => Promise<ImageData>; encode: (image: ImageData, options: typeof ENCODE_OPTIONS) => Promise<ArrayBuffer> };

let codec: Promise<Codec> | null = null;

/** The wasm modules, compiled once per process; read from the package folder (the app runs from the repository's root). */
function loadCodec(): Promise<Codec> {
  codec ??= (async () => {
    const dir = path.join(process.cwd(), "node_modules", "@jsquash", "jpeg", "codec");
    const [dec, enc] = await Promise.all([import("@jsquash/jpeg/decode.js"), import("@jsquash/jpeg/encode.js")]);
    const [decWasm, encWasm] = await Promise.all([readFile(path.join(dir, "dec", "mozjpeg_dec.wasm")), readFile(path.join(dir, "enc", "mozjpeg_enc.wasm"))]);
    await Promise.all([dec.init(await WebAssembly.compile(decWasm)), enc.init(await WebAssembly.compile(encWasm))]);
    return { decode: (buffer) => dec.default(buffer), encode: (image, options) => enc.default(image, options) };
  })();
  codec.catch(() => {
    codec = null;
  });
  return codec;
}

/** Width and height from a JPEG's start-of-frame marker, without decoding it; null when none is found. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  return null;
}

/** Area-average downscale of RGBA pixels by an integer-free factor (each target pixel averages its source box). */
function shrink(image: ImageData, width: number, height: number): ImageData {
  const src = image.data;
  const out = new Uint8ClampedArray(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let r = 0, g = 0, b = 0, n = 0;
      // Every second row and column of the box is enough for a picture shown at a few centimetres.
      for (let yy = y0; yy < y1; yy += 2) {
        let i = (yy * image.width + x0) * 4;
        for (let xx = x0; xx < x1; xx += 2, i += 8) {
          r += src[i]!;
          g += src[i + 1]!;
          b += src[i + 2]!;
          n++;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height, colorSpace: "srgb" } as ImageData;
}

/**
 * A picture the PDF can embed: a JPEG larger than MAX_SIDE is decoded, shrunk and encoded again; a small
 * JPEG or PNG is embedded as it is. Null for what the PDF cannot show (a PNG too large to embed as is, an
 * unreadable JPEG): the pack then names the picture instead.
 */
export async function pictureForPdf(bytes: Uint8Array, contentType: string): Promise<PdfImage | null> {
  if (contentType === "image/png") {
    return bytes.byteLength <= 2 * 1024 * 1024 ? { format: "png", bytes, width: 0, height: 0 } : null;
  }
  if (contentType !== "image/jpeg") return null;
  const size = jpegSize(bytes);
  if (!size) return null;
  if (size.width <= MAX_SIDE && size.height <= MAX_SIDE) return { format: "jpg", bytes, ...size };
  const { decode, encode } = await loadCodec();
  let decoded: ImageData;
  try {
    // A copy: pictures are often views of the zip's buffer (a Node Buffer's slice() would be a view too).
    decoded = await decode(new Uint8Array(bytes).buffer);
  } catch {
    return null;
  }
  const scale = MAX_SIDE / Math.max(decoded.width, decoded.height);
  const width = Math.max(1, Math.round(decoded.width * scale));
  const height = Math.max(1, Math.round(decoded.height * scale));
  const small = await encode(shrink(decoded, width, height), ENCODE_OPTIONS);
  return { format: "jpg", bytes: new Uint8Array(small), width, height };
}
