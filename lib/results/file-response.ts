import { errorResponse as answerError } from "../server/http-answer";
import type { ServedFile } from "./serve-result-file";

/**
 * HTTP answers for result files. Identity documents must not linger in shared caches or be reinterpreted by
 * the browser: `private, no-store`, `nosniff`, and a sandboxing CSP in case a file is opened on its own.
 */
const SECURITY_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  "Referrer-Policy": "no-referrer",
} as const;

function contentDisposition(file: ServedFile): string {
  // Names are built by the desk from [a-z0-9-_.] only, so no quoting or RFC 5987 encoding is needed.
  return `${file.disposition}; filename="${file.filename}"`;
}

/** A single `bytes=a-b` range (what <video> asks for), or null for the whole file. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

const CHUNK = 256 * 1024;

/**
 * The body as views of the cached bytes. `new Response(uint8Array)` copies the whole array first, which is
 * a second 5 MB picture for every view of one; these chunks are the cached bytes themselves.
 */
export function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(at + CHUNK, bytes.byteLength);
      controller.enqueue(bytes.subarray(at, end));
      at = end;
    },
  });
}

export function fileResponse(file: ServedFile, rangeHeader: string | null = null): Response {
  const size = file.body.byteLength;
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(file),
    "Accept-Ranges": "bytes",
  };
  const range = parseRange(rangeHeader, size);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  }
  const body = range ? file.body.subarray(range.start, range.end + 1) : file.body;
  if (range) headers["Content-Range"] = `bytes ${range.start}-${range.end}/${size}`;
  headers["Content-Length"] = String(body.byteLength);
  return new Response(streamOf(body), { status: range ? 206 : 200, headers });
}

/** How a result file's route answers a failure: plain text (a file's URL is opened on its own), the file headers. */
export const FILE_ERROR_ANSWER = { format: "text", headers: SECURITY_HEADERS } as const;

/** The desk's one error answer (`lib/server/http-answer.ts`) in the result files' form. */
export function errorResponse(error: unknown): Response {
  return answerError(error, FILE_ERROR_ANSWER);
}
