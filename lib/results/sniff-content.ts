/**
 * What a file is, from its first bytes. The zip's file names are not published and may change, so names
 * never decide a type: a `.jpg` holding HTML is "other", and the content type served is the one sniffed here.
 */
export type SniffedType = "image/jpeg" | "image/png" | "video/mp4" | "application/json" | "application/octet-stream";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.byteLength >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** ISO base media: a box size, then "ftyp" (MP4, and QuickTime files that browsers play as MP4). */
const FTYP = [0x66, 0x74, 0x79, 0x70];
const BOM = [0xef, 0xbb, 0xbf];

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let at = startsWith(bytes, BOM) ? 3 : 0;
  while (at < bytes.byteLength && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return bytes[at];
}

export function sniffContent(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, FTYP, 4)) return "video/mp4";
  const first = firstNonSpace(bytes);
  // `{` or `[`: worth trying to parse as JSON; the parse decides.
  if (first === 0x7b || first === 0x5b) return "application/json";
  return "application/octet-stream";
}

/** The file's base name without folders or extension, lower-cased: `media/Front.JPG` is `front`. */
export function baseName(path: string): string {
  const file = path.split("/").pop() ?? path;
  const dot = file.lastIndexOf(".");
  return (dot > 0 ? file.slice(0, dot) : file).toLowerCase();
}

export const EXTENSION_OF: Record<SniffedType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "video/mp4": "mp4",
  "application/json": "json",
  "application/octet-stream": "bin",
};
