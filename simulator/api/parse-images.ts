/**
 * The body of set images and set dossier files: `{front?, back?, selfie?}`, each a base64 data URL of a JPEG
 * or PNG. Every problem is reported at once, named by the kind it concerns.
 */
import { type InvalidParam, invalid } from "../http/problem";
import { IMAGE_KINDS, type ImageKind, type ImageSet } from "../state/store";

const DATA_URL = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)((?:;[a-z0-9-]+=[^;,]*)*);base64,([\s\S]*)$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SIGNATURES: Record<string, readonly number[]> = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const isKind = (key: string): key is ImageKind => (IMAGE_KINDS as readonly string[]).includes(key);

function parseOne(value: unknown, maxBytes: number): { image?: { bytes: Buffer; contentType: string }; reason?: string } {
  if (typeof value !== "string") return { reason: "must be a data URL string (data:image/jpeg;base64,...)" };
  const match = DATA_URL.exec(value);
  if (!match) return { reason: "must be a base64 data URL (data:image/jpeg;base64,...)" };
  const declared = (match[1] ?? "").toLowerCase();
  const contentType = declared === "image/jpg" ? "image/jpeg" : declared;
  const signature = SIGNATURES[contentType];
  if (!signature) return { reason: `unsupported media type ${declared}; expected image/jpeg or image/png` };
  const payload = (match[3] ?? "").replace(/\s+/g, "");
  if (payload.length === 0 || payload.length % 4 !== 0 || !BASE64.test(payload)) return { reason: "is not valid base64" };
  const size = (payload.length / 4) * 3 - (payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0);
  if (size > maxBytes) return { reason: `the image is ${size} bytes; the limit is ${maxBytes}` };
  const bytes = Buffer.from(payload, "base64");
  if (!signature.every((byte, i) => bytes[i] === byte)) return { reason: `the bytes are not a ${contentType} image` };
  return { image: { bytes, contentType } };
}

export function parseImages(body: unknown, maxBytes: number): ImageSet {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid([{ name: "body", reason: "must be a JSON object {front?, back?, selfie?}" }]);
  }
  const images: ImageSet = {};
  const issues: InvalidParam[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (!isKind(key)) {
      issues.push({ name: key, reason: "unknown image kind; expected front, back or selfie" });
      continue;
    }
    const { image, reason } = parseOne(value, maxBytes);
    if (reason) issues.push({ name: key, reason });
    else if (image) images[key] = image;
  }
  if (issues.length > 0) throw invalid(issues);
  if (Object.keys(images).length === 0) {
    throw invalid([{ name: "body", reason: "at least one of front, back or selfie is required" }]);
  }
  return images;
}
