import type { IncomingMessage } from "node:http";

/** A notification is a few hundred bytes; anything near this is not one. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/**
 * Reads a request body up to `limit` bytes and stops reading past it, so a huge or endless body
 * costs no more than the limit in memory.
 */
export async function readBodyWithLimit(request: Request, limit = MAX_NOTIFICATION_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The same for a body read by Node.js's own HTTP server (webhook-listener.ts): stops reading past `limit`
 * and leaves the rest unread (paused, not destroyed, so that the 413 can still be sent on the socket; the
 * listener then closes the connection).
 */
export function readMessageWithLimit(message: IncomingMessage, limit = MAX_NOTIFICATION_BYTES): Promise<string> {
  const declared = Number(message.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      // An aborted upload's later error has nowhere to go: it is the client's own.
      message.off("data", onData).off("end", onEnd).off("error", stop).on("error", () => {});
      message.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) stop(new BodyTooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size).toString("utf8"));
    message.on("data", onData).once("end", onEnd).once("error", stop);
  });
}
