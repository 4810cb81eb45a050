import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { loadExample } from "../../../tests/support/fixtures";
import { upsertProcess } from "../../processes/upsert-process";
import { resultStore } from "../result-store";
import { buildSampleZip, sampleCheck, sampleDocumentReport, sampleFacialReport, sampleJpeg, type SampleZipEntry } from "./sample-result";

/**
 * A process with a stored full result, for integration tests, the e2e journey and the benchmark. The
 * process is Signicat's inconclusive example under fresh ids; the zip says why in detail: the document
 * looked like a photo of a screen and the face match scored 0.31.
 */

export interface SeededProcess {
  dossierId: string;
  processId: string;
  process: Record<string, unknown>;
}

export function inconclusiveProcess(processId = randomUUID()): Record<string, unknown> {
  const example = loadExample("inconclusive") as { providerSpecific: { facialSimilarity: Record<string, unknown> } };
  // Signicat's example says "high"; the zip's face match of 0.31 makes it "low" (CONTRACT.md's mapping).
  example.providerSpecific.facialSimilarity = { ...example.providerSpecific.facialSimilarity, similarityScore: "low", faceComparison: "consider" };
  return { ...example, processId };
}

export interface SampleZipOptions {
  /** Width of the pictures; the height follows a card's proportions. */
  imageWidth?: number;
  /** Extra entries (large pictures for the benchmark, hostile names for tests). */
  extra?: SampleZipEntry[];
}

export function inconclusiveZipEntries(process: Record<string, unknown>, options: SampleZipOptions = {}): SampleZipEntry[] {
  const document = sampleDocumentReport({
    flags: { "visual_authenticity.original_document_present": ["photo_of_screen"], "data_consistency.date_of_birth": [] },
    nulls: ["data_comparison.issuing_country"],
  });
  const facial = sampleFacialReport({ faceMatch: 0.31, spoofing: 0.88 });
  const width = options.imageWidth ?? 640;
  const height = Math.round(width * 0.63);
  return [
    { path: "process.json", content: process },
    { path: "onfido/check.json", content: sampleCheck([document, facial]) },
    { path: "onfido/reports/document.json", content: document },
    { path: "onfido/reports/facial_similarity_photo.json", content: facial },
    { path: "media/front.jpg", content: sampleJpeg(width, height, 0) },
    { path: "media/back.jpg", content: sampleJpeg(width, height, 60) },
    { path: "media/selfie.jpg", content: sampleJpeg(Math.round(width * 0.6), width, 140) },
    ...(options.extra ?? []),
  ];
}

export async function seedSampleProcess(db: Db, options: SampleZipOptions & { zip?: Uint8Array | null; dossierId?: string } = {}): Promise<SeededProcess> {
  const process = inconclusiveProcess();
  const dossierId = options.dossierId ?? randomUUID();
  await upsertProcess(db, { dossierId, process });
  const zip = options.zip === undefined ? await buildSampleZip(inconclusiveZipEntries(process, options)) : options.zip;
  if (zip) await resultStore(db).put(String(process.processId), zip);
  return { dossierId, processId: String(process.processId), process };
}
