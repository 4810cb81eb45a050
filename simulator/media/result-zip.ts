/**
 * The full-result zip: the Assure process object, Onfido's raw check and reports, and the media. JSON is
 * deflated; pictures and video are stored as they are (they do not compress, and storing keeps a 20 MB zip
 * fast to build).
 */
import JSZip from "jszip";
import type { OnfidoRun } from "../onfido/run-onfido";

export interface ZipMedia {
  name: string;
  bytes: Buffer;
}

const extension = (contentType: string): string => (contentType === "image/png" ? "png" : "jpg");

export function mediaName(kind: string, contentType: string): string {
  return `media/${kind}.${extension(contentType)}`;
}

export async function buildResultZip(process: unknown, run: OnfidoRun, media: ZipMedia[]): Promise<Buffer> {
  const zip = new JSZip();
  // No directory entries: readers find files by content, and bare folders only get in their way.
  const write = (name: string, value: unknown) =>
    zip.file(name, `${JSON.stringify(value, null, 2)}\n`, { compression: "DEFLATE", createFolders: false });
  write("process.json", process);
  write("onfido/check.json", run.check);
  write("onfido/reports/document.json", run.documentReport);
  if (run.facialReport) write(`onfido/reports/${run.facialReport.name}.json`, run.facialReport);
  for (const item of media) zip.file(item.name, item.bytes, { compression: "STORE", binary: true, createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", platform: "UNIX" });
}
