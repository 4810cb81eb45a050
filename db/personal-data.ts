import type { processes } from "./schema";

/**
 * Which columns of `processes` hold personal data, in one place: the purge clears exactly these (and
 * replaces `raw` by a tombstone). Every column of the table is either here or in TOMBSTONE_COLUMNS, and
 * db/personal-data.test.ts fails when a new column is in neither, so a new look-up column cannot be
 * forgotten by the purge.
 */
type ProcessColumn = keyof typeof processes.$inferSelect;

export const PERSONAL_PROCESS_COLUMNS = [
  "firstName",
  "lastName",
  "nameSearch",
  "documentNumber",
  "dateOfBirth",
  "nationality",
  "processParameters",
  "finalResult",
  "providerSpecific",
  "failReasonMessage",
] as const satisfies readonly ProcessColumn[];

/** Replaced by a tombstone (it is not nullable): the process object without any personal field. */
export const REPLACED_PROCESS_COLUMNS = ["raw"] as const satisfies readonly ProcessColumn[];

/** The facts a tombstone keeps. */
export const TOMBSTONE_COLUMNS = [
  "processId",
  "dossierId",
  "provider",
  "processType",
  "documentType",
  "status",
  "failReasonType",
  "createdAt",
  "updatedAt",
  "firstSeenAt",
  "lastSyncedAt",
  "retryOfProcessId",
  "finalAt",
  "issuingCountry",
  "purgedAt",
  "purgeReason",
] as const satisfies readonly ProcessColumn[];

/** Keys of Assure's process object a tombstone's `raw` keeps; everything else is dropped. */
export const TOMBSTONE_RAW_KEYS = ["processId", "dossierId", "provider", "processType", "documentType", "status", "createdAt", "updatedAt"] as const;
