import "server-only";
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { dossiers, processes, type DossierRow } from "../../db/schema";
import type { ProcessStatus } from "../assure/schemas";
import { NotFound } from "../errors";
import { parseInput } from "../parse-input";

export interface DossierProcess {
  processId: string;
  status: ProcessStatus;
  processType: string | null;
  documentType: string | null;
  failReasonType: string | null;
  retryOfProcessId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The end-user as the newest process with extracted fields read them, and which process that was. */
export interface VerifiedIdentity {
  processId: string;
  status: ProcessStatus;
  updatedAt: Date;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  documentNumber: string | null;
  documentType: string | null;
  nationality: string | null;
  issuingCountry: string | null;
}

export interface DossierDetail {
  dossier: DossierRow;
  identity: VerifiedIdentity | null;
  /** Oldest first, so that a retry comes after what it retries. */
  processes: DossierProcess[];
  /** More processes than a page shows (a dossier is one end-user: this should never happen). */
  truncated: boolean;
}

export const MAX_DOSSIER_PROCESSES = 500;

const DossierId = z.string().trim().min(1).max(200);

export async function getDossier(db: Db, input: unknown): Promise<DossierDetail> {
  const dossierId = parseInput(DossierId, input, "Not a dossier id");
  const [found] = await db.select().from(dossiers).where(eq(dossiers.dossierId, dossierId));
  if (!found) throw new NotFound(`No dossier ${dossierId}`);

  const hasExtractedFields = or(
    sql`${processes.nameSearch} is not null`,
    sql`${processes.documentNumber} is not null`,
    sql`${processes.dateOfBirth} is not null`,
  );
  const [rows, [identity]] = await Promise.all([
    db
      .select({
        processId: processes.processId,
        status: processes.status,
        processType: processes.processType,
        documentType: processes.documentType,
        failReasonType: processes.failReasonType,
        retryOfProcessId: processes.retryOfProcessId,
        createdAt: processes.createdAt,
        updatedAt: processes.updatedAt,
      })
      .from(processes)
      .where(eq(processes.dossierId, dossierId))
      .orderBy(asc(processes.createdAt), asc(processes.processId))
      .limit(MAX_DOSSIER_PROCESSES + 1),
    db
      .select({
        processId: processes.processId,
        status: processes.status,
        updatedAt: processes.updatedAt,
        firstName: processes.firstName,
        lastName: processes.lastName,
        dateOfBirth: processes.dateOfBirth,
        documentNumber: processes.documentNumber,
        documentType: processes.documentType,
        nationality: processes.nationality,
        issuingCountry: processes.issuingCountry,
      })
      .from(processes)
      .where(and(eq(processes.dossierId, dossierId), hasExtractedFields))
      .orderBy(desc(processes.updatedAt), desc(processes.processId))
      .limit(1),
  ]);
  return {
    dossier: found,
    identity: identity ?? null,
    processes: rows.slice(0, MAX_DOSSIER_PROCESSES),
    truncated: rows.length > MAX_DOSSIER_PROCESSES,
  };
}
