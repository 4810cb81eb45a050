/**
 * Dossiers and processes in memory. A process is kept as a small plan (scenario name and seed) rather than
 * its reports, which are rebuilt on request, so 100,000 processes stay in a few tens of megabytes. Counts per
 * status are kept up to date by every change, for stats without a scan.
 */
import type { AssureDocumentType } from "../derive/mappings";
import type { ProcessStatus, ProcessType } from "../scenarios/types";
import { PROCESS_STATUSES } from "../scenarios/types";

export const IMAGE_KINDS = ["front", "back", "selfie"] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];
export type ImageSet = Partial<Record<ImageKind, StoredImage>>;
export type NotificationForm = "assure" | "events";

export interface StoredImage {
  bytes: Buffer;
  contentType: string;
}

export interface ProcessRecord {
  processId: string;
  dossierId: string;
  processType: ProcessType;
  documentType?: AssureDocumentType;
  status: ProcessStatus;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  finishedAt?: number;
  notificationUrl?: string;
  authorizationHeader?: string;
  notificationForm?: NotificationForm;
  processParameters?: Record<string, unknown>;
  /** The provider SDK token, only while pending. */
  sdkToken?: string;
  scenario: string;
  seed: number;
  /** Uploaded by set images, or copied from the dossier's files at start. */
  images?: ImageSet;
  /** Started by the control API "as if captured by the SDK": pictures are generated from the seed. */
  captured: boolean;
}

export interface DossierRecord {
  dossierId: string;
  createdAt: number;
  updatedAt: number;
  externalReference?: string;
  processIds: string[];
  files?: ImageSet;
}

export type NewProcess = Pick<ProcessRecord, "processId" | "dossierId" | "processType" | "createdAt" | "scenario" | "seed" | "captured"> &
  Partial<Pick<ProcessRecord, "documentType" | "notificationUrl" | "authorizationHeader" | "notificationForm" | "processParameters" | "sdkToken">>;

/**
 * A pending process with every field present in one order: records of one shape stay compact in V8, which
 * matters at 100,000 of them (optional fields added or deleted later would give each its own layout).
 */
export function newProcess(p: NewProcess): ProcessRecord {
  return {
    processId: p.processId,
    dossierId: p.dossierId,
    processType: p.processType,
    documentType: p.documentType,
    status: "pending",
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
    startedAt: undefined,
    finishedAt: undefined,
    notificationUrl: p.notificationUrl,
    authorizationHeader: p.authorizationHeader,
    notificationForm: p.notificationForm,
    processParameters: p.processParameters,
    sdkToken: p.sdkToken,
    scenario: p.scenario,
    seed: p.seed,
    images: undefined,
    captured: p.captured,
  };
}

export function newDossier(dossierId: string, createdAt: number, externalReference?: string): DossierRecord {
  return { dossierId, createdAt, updatedAt: createdAt, externalReference, processIds: [], files: undefined };
}

const zeroCounts = (): Record<ProcessStatus, number> =>
  Object.fromEntries(PROCESS_STATUSES.map((s) => [s, 0])) as Record<ProcessStatus, number>;

export class Store {
  readonly dossiers = new Map<string, DossierRecord>();
  readonly processes = new Map<string, ProcessRecord>();
  counts = zeroCounts();

  addDossier(dossier: DossierRecord): DossierRecord {
    this.dossiers.set(dossier.dossierId, dossier);
    return dossier;
  }

  deleteDossier(dossierId: string): boolean {
    const dossier = this.dossiers.get(dossierId);
    if (!dossier) return false;
    for (const processId of dossier.processIds) this.forgetProcess(processId);
    this.dossiers.delete(dossierId);
    return true;
  }

  addProcess(process: ProcessRecord): ProcessRecord {
    const dossier = this.dossiers.get(process.dossierId);
    if (!dossier) throw new Error(`no dossier ${process.dossierId}`);
    // A copy of exact length: push() onto an empty array reserves room for 17 ids, a cost at 100,000 dossiers.
    dossier.processIds = [...dossier.processIds, process.processId];
    dossier.updatedAt = process.createdAt;
    this.processes.set(process.processId, process);
    this.counts[process.status] += 1;
    return process;
  }

  /** The process, only if it belongs to the dossier named in the path. */
  findProcess(dossierId: string, processId: string): ProcessRecord | undefined {
    const process = this.processes.get(processId);
    return process?.dossierId === dossierId ? process : undefined;
  }

  deleteProcess(processId: string, now: number): boolean {
    const process = this.processes.get(processId);
    if (!process) return false;
    const dossier = this.dossiers.get(process.dossierId);
    if (dossier) {
      dossier.processIds = dossier.processIds.filter((id) => id !== processId);
      dossier.updatedAt = now;
    }
    this.forgetProcess(processId);
    return true;
  }

  setStatus(process: ProcessRecord, status: ProcessStatus, now: number): void {
    this.counts[process.status] -= 1;
    this.counts[status] += 1;
    process.status = status;
    process.updatedAt = now;
    const dossier = this.dossiers.get(process.dossierId);
    if (dossier) dossier.updatedAt = now;
  }

  reset(): void {
    this.dossiers.clear();
    this.processes.clear();
    this.counts = zeroCounts();
  }

  private forgetProcess(processId: string): void {
    const process = this.processes.get(processId);
    if (!process) return;
    this.counts[process.status] -= 1;
    this.processes.delete(processId);
  }
}
