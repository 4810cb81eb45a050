import "server-only";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { processes } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { getResultLoader, type ResultLoader } from "./load-result";
import { resultStore } from "./result-store";
import { EXTENSION_OF } from "./sniff-content";

/**
 * The result routes' verbs: the original zip, and one picture or video out of it. Route handlers only parse
 * the request and turn the answer into a response (file-response.ts).
 */

export interface ServedFile {
  body: Uint8Array;
  contentType: string;
  filename: string;
  disposition: "inline" | "attachment";
}

const id = z.string().min(1).max(128).regex(/^[A-Za-z0-9-]+$/, "must be letters, digits and dashes");
const ZipInput = z.object({ processId: id });
const MediaInput = z.object({ processId: id, slug: z.string().min(1).max(64).regex(/^[a-z0-9_-]+$/, "is not a media name") });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseInput(schema, input, "Invalid result file request");
}

/**
 * The one gate every result file passes: identity documents and faces are for roles with `results.read`,
 * checked before any byte is read; each download and picture view is audited.
 */
async function admit<T extends z.ZodType<{ processId: string }>>(
  ctx: Ctx,
  schema: T,
  input: unknown,
  action: string,
): Promise<z.infer<T>> {
  requireCapability(ctx, "results.read");
  const data = parse(schema, input);
  const [process] = await ctx.db.select({ dossierId: processes.dossierId }).from(processes).where(eq(processes.processId, data.processId));
  if (!process) throw new NotFound(`No process ${data.processId}`);
  const { processId: _processId, ...rest } = data;
  await recordAudit(ctx.db, actorOf(ctx), { action, processId: data.processId, dossierId: process.dossierId, details: rest });
  return data;
}

export async function getResultZipFile(ctx: Ctx, input: unknown): Promise<ServedFile> {
  const { processId } = await admit(ctx, ZipInput, input, "result.download");
  const bytes = await resultStore(ctx.db).get(processId);
  if (!bytes) throw new NotFound(`No full result is stored for process ${processId}`);
  // The original bytes, even for a zip the desk refuses to open: an investigator may need them, and as an
  // attachment the browser only saves it.
  return { body: bytes, contentType: "application/zip", filename: `assure-result-${processId}.zip`, disposition: "attachment" };
}

export async function getResultMediaFile(ctx: Ctx, input: unknown, loader: ResultLoader = getResultLoader()): Promise<ServedFile> {
  const { processId, slug } = await admit(ctx, MediaInput, input, "result.view_media");
  const loaded = await loader(ctx.db, processId);
  if (loaded.state === "none") throw new NotFound(`No full result is stored for process ${processId}`);
  if (loaded.state === "refused") throw loaded.error;
  const media = loaded.result.media.find((m) => m.slug === slug);
  if (!media) throw new NotFound(`The full result of process ${processId} has no file ${slug}`);
  // The content type is the sniffed one, never the name's: with nosniff the browser trusts it.
  return { body: media.bytes, contentType: media.contentType, filename: `${slug}.${EXTENSION_OF[media.contentType]}`, disposition: "inline" };
}
