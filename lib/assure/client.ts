import { resolveAssureConfig, type AssureConfigInput } from "./config";
import { AssureResponseError } from "./errors";
import { AssureHttp } from "./http";
import { imageFromAnswer, looksLikeZip, type AssureImage } from "./images";
import { parseJsonBody, parseWith } from "./parse";
import { assurePaths, IMAGE_ACCEPT, RESULT_ACCEPT } from "./paths";
import { defaultSleep, type RetryTiming } from "./retry";
import {
  DocumentTypesSchema,
  DossierListSchema,
  DossierSchema,
  ImageSetSchema,
  ProcessSchema,
  type AssureProcess,
  type CreateProcessRequest,
  type DocumentTypeEntry,
  type Dossier,
  type DossierSummary,
  type ImageKind,
  type ImageSet,
} from "./schemas";
import { TokenSource } from "./token";
import type { FetchLike } from "./transport";

/** Hooks for tests and tuning. Production code passes none of the first four. */
export interface AssureClientOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; drives token expiry and Retry-After dates. */
  now?: () => number;
  random?: () => number;
  /** Backoff before the first retry is between half and all of this (default 250 ms); it doubles per retry. */
  retryBaseDelayMs?: number;
  /** Ceiling of the backoff (default 4 s). */
  retryMaxDelayMs?: number;
  /** A Retry-After longer than this is cut to it (default 10 s). */
  retryAfterMaxMs?: number;
  /** Refresh the token this long before it expires (default 30 s). */
  tokenRefreshMarginMs?: number;
}

export interface AssureClient {
  /** The API's base URL, for display; the credentials stay inside. */
  readonly baseUrl: string;
  createDossier(body?: Record<string, unknown>): Promise<Dossier>;
  listDossiers(): Promise<DossierSummary[]>;
  getDossier(dossierId: string): Promise<Dossier>;
  /** False when Assure no longer knows the dossier (404), e.g. after its retention period. */
  deleteDossier(dossierId: string): Promise<boolean>;
  /** Images kept in the dossier; start verification uses them when the process has none. */
  addDossierFiles(dossierId: string, files: ImageSet): Promise<void>;
  createProcess(dossierId: string, request: CreateProcessRequest): Promise<AssureProcess>;
  getProcess(dossierId: string, processId: string): Promise<AssureProcess>;
  /** False when Assure no longer knows the process (404). */
  deleteProcess(dossierId: string, processId: string): Promise<boolean>;
  /** Replaces the kinds sent, leaves the others. */
  setImages(dossierId: string, processId: string, images: ImageSet): Promise<void>;
  /** Null when the process has no image of that kind (404). */
  getImage(dossierId: string, processId: string, kind: ImageKind): Promise<AssureImage | null>;
  startVerification(dossierId: string, processId: string, body?: Record<string, unknown>): Promise<AssureProcess>;
  /**
   * The full-result zip; null when there is none (404: failed or canceled processes). Read as a stream
   * and given up past `maxBytes` (default RESULT_DOWNLOAD_MAX_BYTES): AssureBodyTooLargeError.
   */
  downloadResult(dossierId: string, processId: string, options?: { maxBytes?: number }): Promise<Uint8Array | null>;
  getDocumentTypes(): Promise<DocumentTypeEntry[]>;
}

/** The desk opens zips up to 64 MiB (lib/results/result-limits.ts); a longer download is not read on. */
export const RESULT_DOWNLOAD_MAX_BYTES = 64 * 1024 * 1024;

export function createAssureClient(configInput: AssureConfigInput, options: AssureClientOptions = {}): AssureClient {
  const config = resolveAssureConfig(configInput);
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timing: RetryTiming = {
    baseDelayMs: options.retryBaseDelayMs ?? 250,
    maxDelayMs: options.retryMaxDelayMs ?? 4_000,
    retryAfterMaxMs: options.retryAfterMaxMs ?? 10_000,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
  const refreshMarginMs = options.tokenRefreshMarginMs ?? 30_000;
  const tokens = new TokenSource(config, { fetch: fetchFn, timing, refreshMarginMs });
  const http = new AssureHttp(config, { fetch: fetchFn, timing, tokens });

  async function getProcess(dossierId: string, processId: string): Promise<AssureProcess> {
    const operation = "getProcess";
    const answer = await http.send({ operation, method: "GET", path: assurePaths.process(dossierId, processId) });
    return parseWith(ProcessSchema, parseJsonBody(operation, "a process", answer.body), operation, "a process");
  }

  async function deleteResource(operation: string, path: string): Promise<boolean> {
    return (await http.sendOrNull({ operation, method: "DELETE", path })) !== null;
  }

  return {
    baseUrl: config.baseUrl,

    async createDossier(body = {}) {
      const operation = "createDossier";
      const answer = await http.send({ operation, method: "POST", path: assurePaths.dossiers(), json: body });
      return parseWith(DossierSchema, parseJsonBody(operation, "a dossier", answer.body), operation, "a dossier");
    },

    async listDossiers() {
      const operation = "listDossiers";
      const answer = await http.send({ operation, method: "GET", path: assurePaths.dossiers() });
      const expected = "a list of dossiers";
      return parseWith(DossierListSchema, parseJsonBody(operation, expected, answer.body), operation, expected);
    },

    async getDossier(dossierId) {
      const operation = "getDossier";
      const answer = await http.send({ operation, method: "GET", path: assurePaths.dossier(dossierId) });
      return parseWith(DossierSchema, parseJsonBody(operation, "a dossier", answer.body), operation, "a dossier");
    },

    deleteDossier: async (dossierId) => deleteResource("deleteDossier", assurePaths.dossier(dossierId)),

    async addDossierFiles(dossierId, files) {
      const json = checkImageSet("addDossierFiles", files);
      // Uploading again replaces [doc], so repeating after an unclear failure is safe.
      const path = assurePaths.dossierFiles(dossierId);
      await http.send({ operation: "addDossierFiles", method: "POST", path, json, idempotent: true });
    },

    async createProcess(dossierId, request) {
      const operation = "createProcess";
      const answer = await http.send({ operation, method: "POST", path: assurePaths.processes(dossierId), json: request });
      return parseWith(ProcessSchema, parseJsonBody(operation, "a process", answer.body), operation, "a process");
    },

    getProcess,

    deleteProcess: async (dossierId, processId) => deleteResource("deleteProcess", assurePaths.process(dossierId, processId)),

    async setImages(dossierId, processId, images) {
      const json = checkImageSet("setImages", images);
      // Uploading again replaces [doc], so repeating after an unclear failure is safe.
      const path = assurePaths.processImages(dossierId, processId);
      await http.send({ operation: "setImages", method: "POST", path, json, idempotent: true });
    },

    async getImage(dossierId, processId, kind) {
      const operation = "getImage";
      const path = assurePaths.processImage(dossierId, processId, kind);
      const answer = await http.sendOrNull({ operation, method: "GET", path, accept: IMAGE_ACCEPT });
      return answer === null ? null : imageFromAnswer(operation, answer);
    },

    async startVerification(dossierId, processId, body) {
      const operation = "startVerification";
      const path = assurePaths.process(dossierId, processId);
      const answer = await http.send({ operation, method: "POST", path, json: body });
      // Our reading is a 200 with the process. Should the real API answer 202/204 or another body, the start
      // has still happened: read the process rather than report a failure the caller would retry into a 400.
      const parsed = ProcessSchema.safeParse(tryJson(answer.body));
      return parsed.success ? parsed.data : getProcess(dossierId, processId);
    },

    async downloadResult(dossierId, processId, options = {}) {
      const operation = "downloadResult";
      const path = assurePaths.processResult(dossierId, processId);
      const maxBodyBytes = options.maxBytes ?? RESULT_DOWNLOAD_MAX_BYTES;
      const answer = await http.sendOrNull({ operation, method: "GET", path, accept: RESULT_ACCEPT, maxBodyBytes });
      if (answer === null) return null;
      if (!looksLikeZip(answer.body)) {
        throw new AssureResponseError(operation, "a zip", [`no zip signature in ${answer.body.length} bytes`]);
      }
      return answer.body;
    },

    async getDocumentTypes() {
      const operation = "getDocumentTypes";
      const answer = await http.send({ operation, method: "GET", path: assurePaths.onfidoDocumentTypes() });
      const expected = "a list of document types";
      return parseWith(DocumentTypesSchema, parseJsonBody(operation, expected, answer.body), operation, expected);
    },
  };
}

/** Caught before sending megabytes Assure would refuse; the message names the field, never its content. */
function checkImageSet(operation: string, images: ImageSet): ImageSet {
  const parsed = ImageSetSchema.safeParse(images);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "images"}: ${issue.message}`);
  throw new TypeError(`${operation}: ${problems.join("; ")}`);
}

function tryJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}
