import "server-only";
import { Readable } from "node:stream";
import { createElement } from "react";
import type { Ctx } from "../auth/context";
import { EvidenceDocument, bindReactPdf } from "./evidence-document";
import { registerEvidenceFonts } from "./evidence-fonts";
import { gatherEvidence, type EvidencePack } from "./gather-evidence";

/** The PDF of a gathered pack, as a web stream: bytes go to the client as react-pdf writes them. */
export async function renderEvidencePdf(pack: EvidencePack): Promise<ReadableStream<Uint8Array>> {
  const pdf = await import("@react-pdf/renderer");
  bindReactPdf(pdf);
  registerEvidenceFonts(pdf.Font);
  const stream = await pdf.renderToStream(createElement(EvidenceDocument, { pack }) as Parameters<typeof pdf.renderToStream>[0]);
  return Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>;
}

/** The evidence pack of a dossier (compliance and admin; audited): its file name and PDF stream. */
export async function getEvidencePdf(ctx: Ctx, params: unknown): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const pack = await gatherEvidence(ctx, params);
  // Dossier ids are Assure's UUIDs; anything else is reduced to safe characters for the header.
  const safeId = pack.dossierId.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 80);
  return { filename: `evidence-${safeId}-${pack.generatedAt.toISOString().slice(0, 10)}.pdf`, body: await renderEvidencePdf(pack) };
}
