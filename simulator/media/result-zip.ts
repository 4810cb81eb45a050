/**
 * The full-result zip: the Assure process object, Onfido's raw check and reports, and the media. JSON is
 * deflated; pictures and video are stored as they are (they do not compress, and storing keeps a 20 MB zip
 * fast to build).
 */
import type { OnfidoRun } from "../onfido/run-onfido";
import { writeZip, type ZipEntry } from "./zip-writer";

export interface ZipMedia {
  name: string;
  bytes: Buffer;
}

const extension = (contentType: string): string => (contentType === "image/png" ? "png" : "jpg");

export function mediaName(kind: string, contentType: string): string {
  return `media/${kind}.${extension(contentType)}`;
}

export function buildResultZip(process: unknown, run: OnfidoRun, media: ZipMedia[], modified?: Date): Buffer {
  // No directory entries: readers find files by content, and bare folders only get in their way.
  const json = (name: string, value: unknown): ZipEntry => ({ name, bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`), compress: true });
  const entries: ZipEntry[] = [
    json("process.json", process),
    json("onfido/check.json", run.check),
    json("onfido/reports/document.json", run.documentReport),
    ...(run.facialReport ? [json(`onfido/reports/${run.facialReport.name}.json`, run.facialReport)] : []),
    ...media.map((item) => ({ name: item.name, bytes: item.bytes, compress: false })),
  ];
  return writeZip(entries, modified);
}
