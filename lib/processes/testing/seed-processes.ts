import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import type { ProcessStatus } from "../../assure/schemas";
import { upsertProcess } from "../upsert-process";

/**
 * Test data for the list queries, written through `upsertProcess` like every real process. Each test
 * gives its processes a day of their own and filters on it, so tests sharing a database never see
 * each other's rows.
 */

export interface ProcessSpec {
  status?: ProcessStatus;
  /** Minutes after midnight of the test's day (UTC) for updatedAt; createdAt defaults to one minute earlier. */
  updated?: number;
  created?: number;
  /** Seconds past the minute, for ties below a minute. */
  second?: number;
  processId?: string;
  dossierId?: string;
  processType?: string;
  documentType?: string;
  firstName?: string;
  lastName?: string;
  documentNumber?: string;
  dateOfBirth?: string;
  nationality?: string;
  issuingCountry?: string;
  retryOfProcessId?: string;
}

let days = 0;

/** A UTC day no other test in this process uses. */
export function uniqueDay(): string {
  days += 1;
  return new Date(Date.UTC(2001, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

function at(day: string, minute: number, second = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000 + second * 1000).toISOString().replace(/\.000Z$/, "Z");
}

export function assureProcess(day: string, spec: ProcessSpec): Record<string, unknown> {
  const status = spec.status ?? "accepted";
  const updated = spec.updated ?? 60;
  const extracted = Object.fromEntries(
    Object.entries({
      firstName: spec.firstName,
      lastName: spec.lastName,
      documentNumber: spec.documentNumber,
      dateOfBirth: spec.dateOfBirth,
      nationality: spec.nationality,
      issuingCountry: spec.issuingCountry,
      documentType: spec.documentType,
    }).filter(([, value]) => value !== undefined),
  );
  const hasFields = Object.keys(extracted).length > 0;
  return {
    processId: spec.processId ?? randomUUID(),
    provider: "onfido",
    processType: spec.processType ?? "documentSelfie",
    documentType: spec.documentType ?? "passport",
    status,
    createdAt: at(day, spec.created ?? updated - 1, spec.second),
    updatedAt: at(day, updated, spec.second),
    // Accepted processes carry finalResult; rejected and inconclusive ones only the document verification.
    ...(hasFields && status === "accepted" ? { finalResult: extracted } : {}),
    ...(hasFields && status !== "accepted" ? { providerSpecific: { documentVerification: extracted } } : {}),
  };
}

export interface SeededProcess {
  processId: string;
  dossierId: string;
}

export async function seedProcesses(db: Db, day: string, specs: ProcessSpec[]): Promise<SeededProcess[]> {
  const seeded: SeededProcess[] = [];
  for (const spec of specs) {
    const dossierId = spec.dossierId ?? randomUUID();
    const process = assureProcess(day, spec);
    await upsertProcess(db, { dossierId, process, retryOfProcessId: spec.retryOfProcessId });
    seeded.push({ processId: process.processId as string, dossierId });
  }
  return seeded;
}
