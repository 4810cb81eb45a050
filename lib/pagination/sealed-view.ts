import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "../config";

/**
 * A list's view (its filters and sort) sealed into an opaque URL value, so that a page opened from the list
 * can walk it without the view in the address in clear: the look-up text support typed may be a name or a
 * document number, and the page's address ends up in history, logs and shared links.
 *
 * AES-256-GCM with a key derived from NEXTAUTH_SECRET (every instance of the desk opens what another
 * sealed). Without that secret (development, tests) the key is made once per process: links then work
 * until a restart, which is all a walk through a list needs. A value that does not open is no view at all.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

let fallbackKey: Buffer | undefined;
const derived = new Map<string, Buffer>();

function viewKey(): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) return (fallbackKey ??= randomBytes(32));
  let key = derived.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "assure-review-desk", "list view", 32));
    derived.set(secret, key);
  }
  return key;
}

/** `purpose` names the list: a view sealed for one list never opens as another's. */
export function sealView(purpose: string, view: unknown): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", viewKey(), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(JSON.stringify(view), "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The view, or null when the value is damaged, altered, sealed for another list or with another key. */
export function openView(purpose: string, sealed: string): unknown {
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", viewKey(), bytes.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    return JSON.parse(text) as unknown;
  } catch {
    // A failed authentication is an answer here (the link is not ours or was altered), not an error to hide.
    return null;
  }
}
