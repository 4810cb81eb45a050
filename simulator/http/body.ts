/** Reading request bodies with a size limit: JSON for the API, form-encoded for the token endpoint. */
import type { IncomingMessage } from "node:http";
import { badRequest, Problem } from "./problem";

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limit: number): Problem =>
  new Problem(413, "Payload too large.", `The request body is larger than ${limit} bytes.`);

/** `undefined` for an empty body; a 400 problem for JSON that does not parse. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("Malformed JSON body.", "The request body is not valid JSON.");
  }
}

export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString("utf8"));
}
