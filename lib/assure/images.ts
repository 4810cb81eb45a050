import { AssureResponseError } from "./errors";
import { bodyText, contentTypeOf, type WireResponse } from "./transport";

/** An image as the desk handles it: bytes and what they are. */
export interface AssureImage {
  contentType: string;
  bytes: Uint8Array;
}

/** The data URL that set images and add dossier files take, e.g. to copy a failed process's images. */
export function imageToDataUrl(image: AssureImage): string {
  return `data:${image.contentType};base64,${Buffer.from(image.bytes).toString("base64")}`;
}

export function imageFromDataUrl(value: string): AssureImage | undefined {
  const match = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/s.exec(value.trim());
  if (!match) return undefined;
  return { contentType: match[1] || "application/octet-stream", bytes: new Uint8Array(Buffer.from(match[2]!, "base64")) };
}

/** JPEG and PNG by their first bytes; undefined for anything else. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  return undefined;
}

/** A zip starts with a local file header (or, when empty, the end-of-directory record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  const [p, k, a, b] = bytes;
  return p === 0x50 && k === 0x4b && ((a === 0x03 && b === 0x04) || (a === 0x05 && b === 0x06));
}

/**
 * The image in a get-image answer. Raw bytes with an image content type is our reading [inferred]; the other
 * plausible form, JSON carrying a data URL (as uploads do), is read too, so the desk works either way.
 */
export function imageFromAnswer(operation: string, response: WireResponse): AssureImage {
  const type = contentTypeOf(response.headers);
  if (type.startsWith("image/")) return { contentType: type, bytes: response.body };
  if (type === "application/json" || type.endsWith("+json") || type.startsWith("text/")) {
    const image = findDataUrl(bodyText(response.body));
    if (image) return image;
    throw new AssureResponseError(operation, "an image", [`a ${type} body without a data URL`]);
  }
  const sniffed = sniffImageType(response.body);
  if (sniffed) return { contentType: sniffed, bytes: response.body };
  if (response.body.length === 0) throw new AssureResponseError(operation, "an image", ["the body is empty"]);
  return { contentType: type || "application/octet-stream", bytes: response.body };
}

function findDataUrl(text: string): AssureImage | undefined {
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // plain text: the data URL itself
  }
  const candidates = typeof value === "string" ? [value] : isRecord(value) ? Object.values(value) : [];
  for (const candidate of candidates) {
    if (typeof candidate === "string") {
      const image = imageFromDataUrl(candidate);
      if (image) return image;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
