import type { ImageKind } from "./schemas";

export type { ImageKind, UploadImageKind } from "./schemas";

/**
 * Every Assure path the client calls, in one place. Items marked [inferred] are our reading where Signicat's
 * public documentation is silent (README.md here): a user with real credentials who finds the real API differs
 * corrects it here, in one line. Paths are relative to `AssureConfig.baseUrl`.
 */

/**
 * One id as one path segment. The URL parser resolves `.` and `..` segments, encoded or not, so
 * `processes/..` would address the dossier itself (a deleteProcess deleting the dossier), and an empty id
 * would address the collection: such ids are refused before anything is sent.
 */
function seg(id: string): string {
  if (id === "" || id === "." || id === "..") throw new TypeError(`Not a usable Assure id: ${JSON.stringify(id)}`);
  return encodeURIComponent(id);
}

export const assurePaths = {
  /** [doc] POST creates, GET lists. [inferred] no paging or filters: the list is the whole account. */
  dossiers: () => "/dossiers",
  /** [doc] GET (with its processes [inferred]), DELETE. */
  dossier: (dossierId: string) => `/dossiers/${seg(dossierId)}`,
  /** [doc: Signicat's "Files in dossier" page] POST `{front?, back?, selfie?}` as data URLs. */
  dossierFiles: (dossierId: string) => `/dossiers/${seg(dossierId)}/files`,
  /** [doc] POST creates a process in the dossier. */
  processes: (dossierId: string) => `/dossiers/${seg(dossierId)}/processes`,
  /** [doc] GET reads, DELETE deletes, POST starts the verification. */
  process: (dossierId: string, processId: string) => `/dossiers/${seg(dossierId)}/processes/${seg(processId)}`,
  /** [inferred] path; POST `{front?, back?, selfie?}` data URLs [doc]. */
  processImages: (dossierId: string, processId: string) =>
    `/dossiers/${seg(dossierId)}/processes/${seg(processId)}/images`,
  /** [inferred] path, and that the answer is the raw image bytes with an image content type. */
  processImage: (dossierId: string, processId: string, kind: ImageKind) =>
    `/dossiers/${seg(dossierId)}/processes/${seg(processId)}/images/${seg(kind)}`,
  /** [inferred] path, and that the answer is `application/zip` (the zip itself is [doc]). */
  processResult: (dossierId: string, processId: string) =>
    `/dossiers/${seg(dossierId)}/processes/${seg(processId)}/result`,
  /** [doc] */
  onfidoDocumentTypes: () => "/onfido/document-types",
} as const;

/** [inferred] Accept header sent when downloading the full result. */
export const RESULT_ACCEPT = "application/zip, application/octet-stream;q=0.9, */*;q=0.1";
/** [inferred] Accept header sent when downloading an image. */
export const IMAGE_ACCEPT = "image/*, application/octet-stream;q=0.9, */*;q=0.1";
