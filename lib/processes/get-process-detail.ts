import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processes, processResults, webhookInbox } from "../../db/schema";
import type { ProcessStatus } from "../assure/schemas";

/**
 * One process as the process page shows it: Assure's object as stored, the desk's own times, the
 * notifications that named it, the retries around it, and whether a full result is stored (not its bytes).
 */

export interface ProcessLink {
  processId: string;
  dossierId: string;
  status: ProcessStatus;
  createdAt: Date;
}

export interface NotificationEntry {
  id: number;
  receivedAt: Date;
  state: (typeof webhookInbox.state.enumValues)[number];
  hintedStatus: string | null;
  attempts: number;
  lastError: string | null;
  doneAt: Date | null;
}

export interface ProcessDetail {
  processId: string;
  dossierId: string;
  status: ProcessStatus;
  provider: string | null;
  processType: string | null;
  /** Read from the document: finalResult, else providerSpecific, else the stored document report. */
  documentType: string | null;
  firstName: string | null;
  lastName: string | null;
  processParameters: Record<string, unknown> | null;
  finalResult: Record<string, unknown> | null;
  providerSpecific: Record<string, unknown> | null;
  failReason: { type: string | null; message: string | null } | null;
  raw: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  firstSeenAt: Date;
  lastSyncedAt: Date;
  notifications: NotificationEntry[];
  /** More notifications exist than are listed. */
  notificationsTruncated: boolean;
  retryOf: ProcessLink | null;
  retries: ProcessLink[];
  storedResult: { sizeBytes: number; sha256: string; storedAt: Date } | null;
}

/** Enough for any real history; a process that got more is flagged rather than listed in full. */
const NOTIFICATION_LIMIT = 50;

const linkColumns = {
  processId: processes.processId,
  dossierId: processes.dossierId,
  status: processes.status,
  createdAt: processes.createdAt,
};

/** The process, or null when it does not exist in that dossier (the page answers 404). */
export async function getProcessDetail(db: Db, dossierId: string, processId: string): Promise<ProcessDetail | null> {
  const [row] = await db
    .select()
    .from(processes)
    .where(and(eq(processes.processId, processId), eq(processes.dossierId, dossierId)));
  if (!row) return null;

  const [notifications, retries, retryOf, stored] = await Promise.all([
    db
      .select({
        id: webhookInbox.id,
        receivedAt: webhookInbox.receivedAt,
        state: webhookInbox.state,
        hintedStatus: webhookInbox.hintedStatus,
        attempts: webhookInbox.attempts,
        lastError: webhookInbox.lastError,
        doneAt: webhookInbox.doneAt,
      })
      .from(webhookInbox)
      .where(eq(webhookInbox.processId, processId))
      .orderBy(desc(webhookInbox.receivedAt), desc(webhookInbox.id))
      .limit(NOTIFICATION_LIMIT + 1),
    db.select(linkColumns).from(processes).where(eq(processes.retryOfProcessId, processId)).orderBy(asc(processes.createdAt)),
    row.retryOfProcessId
      ? db.select(linkColumns).from(processes).where(eq(processes.processId, row.retryOfProcessId))
      : Promise.resolve([]),
    db
      .select({ sizeBytes: processResults.sizeBytes, sha256: processResults.sha256, storedAt: processResults.storedAt })
      .from(processResults)
      .where(eq(processResults.processId, processId)),
  ]);

  const failReason = row.failReasonType !== null || row.failReasonMessage !== null ? { type: row.failReasonType, message: row.failReasonMessage } : null;
  return {
    processId: row.processId,
    dossierId: row.dossierId,
    status: row.status,
    provider: row.provider,
    processType: row.processType,
    documentType: row.documentType,
    firstName: row.firstName,
    lastName: row.lastName,
    processParameters: row.processParameters,
    finalResult: row.finalResult,
    providerSpecific: row.providerSpecific,
    failReason,
    raw: row.raw,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    firstSeenAt: row.firstSeenAt,
    lastSyncedAt: row.lastSyncedAt,
    // Oldest first on the page, reading down like a timeline.
    notifications: notifications.slice(0, NOTIFICATION_LIMIT).reverse(),
    notificationsTruncated: notifications.length > NOTIFICATION_LIMIT,
    retryOf: retryOf[0] ?? null,
    retries,
    storedResult: stored[0] ?? null,
  };
}
