import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
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

/**
 * Signicat's documented inconclusive process object, as in `tests/fixtures/assure/process-inconclusive.json`
 * (seed-sample.test.ts keeps the two equal): written out here because lib/ does not import tests/.
 */
const SIGNICAT_INCONCLUSIVE_EXAMPLE = {
  "provider": "onfido",
  "status": "inconclusive",
  "processId": "85210241-4e70-4451-8ea3-7cd3c4d8843a",
  "createdAt": "2019-09-23T10:05:53Z",
  "updatedAt": "2019-09-23T10:09:49Z",
  "providerSpecific": {
    "facialSimilarity": {
      "result": "consider",
      "similarityScore": "high"
    },
    "documentVerification": {
      "lastName": "SPECIMEN",
      "dateOfExpiry": "2024-11-01",
      "subResult": "suspected",
      "gender": "F",
      "documentType": "passport",
      "documentNumber": "00000000",
      "dateOfBirth": "2002-04-29",
      "result": "consider",
      "firstName": "LAERKE OEYVOR AASE",
      "nationality": "NOR",
      "issuingCountry": "NOR",
      "mrzLine1": "PVNORSPECIMEN<<LAERKE<OEYVOR<AASE<<<<<<<<<<<",
      "mrzLine2": "00000000<0NOR7505319F24110154197505311234586"
    }
  }
} as const;

export function inconclusiveProcess(processId: string = randomUUID()): Record<string, unknown> {
  const example = structuredClone(SIGNICAT_INCONCLUSIVE_EXAMPLE) as unknown as { providerSpecific: { facialSimilarity: Record<string, unknown> } };
  // Signicat's example says "high"; the zip's face match of 0.31 makes it "low" (lib/assure/README.md's mapping).
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
