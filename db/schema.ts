import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { PROCESS_STATUSES } from "./enums";

/**
 * The desk's copy of what Assure holds, plus the desk's own bookkeeping.
 * Assure's timestamps are kept apart from local ones: `created_at`/`updated_at` are Assure's
 * (falling back to when we first saw the object when Assure omits them), `first_seen_at` and
 * `last_synced_at` are ours. The raw object is stored as received so that nothing Assure said is lost.
 */

const tz = { withTimezone: true, mode: "date" } as const;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const processStatus = pgEnum("process_status", PROCESS_STATUSES);

export const dossiers = pgTable(
  "dossiers",
  {
    dossierId: text("dossier_id").primaryKey(),
    createdAt: timestamp("created_at", tz),
    updatedAt: timestamp("updated_at", tz),
    firstSeenAt: timestamp("first_seen_at", tz).notNull().defaultNow(),
    lastSyncedAt: timestamp("last_synced_at", tz).notNull().defaultNow(),
    /** Set when Assure no longer has the dossier (retention or deletion); our copy stays readable. */
    goneAt: timestamp("gone_at", tz),
    /** The newest Assure `updatedAt` among its processes: the dossier list's order. */
    lastActivityAt: timestamp("last_activity_at", tz).notNull(),
    processCount: integer("process_count").notNull().default(0),
    /** A legal hold stops retention and erasure until lifted (lib/retention/legal-hold.ts). */
    legalHoldReason: text("legal_hold_reason"),
    legalHoldAt: timestamp("legal_hold_at", tz),
    legalHoldBy: text("legal_hold_by"),
    /** Three or more rejected or failed processes within 30 days (set by a trigger, drizzle/0012_identity_links.sql). */
    repeatedAttempts: boolean("repeated_attempts").notNull().default(false),
  },
  (t) => [
    index("dossiers_created_idx").on(t.createdAt, t.dossierId),
    index("dossiers_activity_idx").on(t.lastActivityAt, t.dossierId),
    index("dossiers_id_prefix_idx").on(sql`${t.dossierId} text_pattern_ops`),
    index("dossiers_first_seen_idx").on(t.firstSeenAt, t.dossierId),
    index("dossiers_repeated_attempts_idx").on(t.dossierId).where(sql`${t.repeatedAttempts}`),
  ],
);

export const processes = pgTable(
  "processes",
  {
    processId: text("process_id").primaryKey(),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.dossierId, { onDelete: "cascade" }),
    provider: text("provider"),
    processType: text("process_type"),
    documentType: text("document_type"),
    status: processStatus("status").notNull(),
    processParameters: jsonb("process_parameters").$type<Record<string, unknown>>(),
    finalResult: jsonb("final_result").$type<Record<string, unknown>>(),
    providerSpecific: jsonb("provider_specific").$type<Record<string, unknown>>(),
    failReasonType: text("fail_reason_type"),
    failReasonMessage: text("fail_reason_message"),
    /** The whole process object as Assure sent it, unknown fields included. */
    raw: jsonb("raw").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", tz).notNull(),
    updatedAt: timestamp("updated_at", tz).notNull(),
    firstSeenAt: timestamp("first_seen_at", tz).notNull().defaultNow(),
    lastSyncedAt: timestamp("last_synced_at", tz).notNull().defaultNow(),
    retryOfProcessId: text("retry_of_process_id").references((): AnyPgColumn => processes.processId, {
      onDelete: "set null",
    }),
    /** When the desk first stored the process final: Assure's `updatedAt` of that copy (the overview's turnaround). */
    finalAt: timestamp("final_at", tz),

    // Look-up columns, extracted from finalResult or, when Assure gave none, the document verification.
    firstName: text("first_name"),
    lastName: text("last_name"),
    /** Lower-case, accent-folded "first last" for partial, accent-insensitive name search. */
    nameSearch: text("name_search"),
    /** Upper-case, without spaces or separators. */
    documentNumber: text("document_number"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    nationality: text("nationality"),
    issuingCountry: text("issuing_country"),

    /** Set when the personal data was purged (db/personal-data.ts): the row is a tombstone from then on. */
    purgedAt: timestamp("purged_at", tz),
    /** "retention" or "erasure". */
    purgeReason: text("purge_reason"),
  },
  (t) => [
    index("processes_status_updated_idx").on(t.status, t.updatedAt, t.processId),
    index("processes_updated_idx").on(t.updatedAt, t.processId),
    // The queue's keyset on creation; the trailing columns let the overview count a range of days from the
    // index alone (an index-only scan), without reading a quarter of the table's rows.
    index("processes_created_idx").on(t.createdAt, t.processId, t.status, t.processType, t.documentType, t.issuingCountry, t.failReasonType),
    index("processes_dossier_idx").on(t.dossierId, t.createdAt),
    index("processes_retry_of_idx").on(t.retryOfProcessId).where(sql`${t.retryOfProcessId} is not null`),
    // The look-ups by personal data skip the rows without it (a tombstone among them: a purge then adds no
    // entry here); their conditions (ILIKE, the prefix range, =) imply "is not null", so they still use these.
    index("processes_name_trgm_idx").using("gin", sql`${t.nameSearch} gin_trgm_ops`).where(sql`${t.nameSearch} is not null`),
    index("processes_document_number_idx").on(sql`${t.documentNumber} text_pattern_ops`).where(sql`${t.documentNumber} is not null`),
    index("processes_date_of_birth_idx").on(t.dateOfBirth).where(sql`${t.dateOfBirth} is not null`),
    index("processes_id_prefix_idx").on(sql`${t.processId} text_pattern_ops`),
    index("processes_country_idx").on(t.issuingCountry),
    // When processes became final, with what the overview's turnaround reads and narrows by (index-only).
    index("processes_final_idx")
      .on(t.finalAt, t.createdAt, t.processType, t.documentType, t.issuingCountry)
      .where(sql`${t.finalAt} is not null`),
    // Open review work (a status a person reviews) with what the overview's backlog reads and narrows by:
    // the backlog by age is an index-only scan of these rows, less the ones with a final decision.
    index("processes_review_work_idx")
      .on(t.processId, t.finalAt, t.updatedAt, t.processType, t.documentType, t.issuingCountry)
      .where(sql`${t.status} in ('inconclusive', 'rejected')`),
    // The identity links' match keys (db/identity-schema.ts): equality look-ups at ingest.
    index("processes_identity_document_idx").on(t.documentNumber, t.issuingCountry).where(sql`${t.documentNumber} is not null`),
    index("processes_identity_name_idx").on(t.dateOfBirth, t.nameSearch).where(sql`${t.nameSearch} is not null and ${t.dateOfBirth} is not null`),
  ],
);

/**
 * How many processes are in each status, kept by statement-level triggers on `processes`
 * (drizzle/0002_queue_counts.sql) so that the queue shows counts without counting a million rows.
 * Each status is spread over 16 slots (by a hash of the process id) so that concurrent writers of
 * one status do not all queue on one row lock; readers sum the slots.
 */
export const processStatusCounts = pgTable(
  "process_status_counts",
  {
    status: processStatus("status").notNull(),
    slot: smallint("slot").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.slot] })],
);

/** The full-result zip as downloaded, kept because Signicat deletes its copy after retention. */
export const processResults = pgTable("process_results", {
  processId: text("process_id")
    .primaryKey()
    .references(() => processes.processId, { onDelete: "cascade" }),
  /** Where the bytes live: "postgres" keeps them in `content`; "filesystem" keeps the sha256 as its key. */
  storage: text("storage").notNull().default("postgres"),
  storageKey: text("storage_key"),
  content: bytea("content"),
  sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
  sha256: text("sha256").notNull(),
  storedAt: timestamp("stored_at", tz).notNull().defaultNow(),
}, (t) => [
  // A file is content-addressed and may be shared: deleting one row asks whether another still needs it.
  index("process_results_storage_key_idx").on(t.storageKey).where(sql`${t.storageKey} is not null`),
]);

/**
 * A full result the desk did not store because Assure's answer was longer than the download cap: the
 * process page says so instead of "no result yet". Removed when a later download is stored.
 */
export const processResultRefusals = pgTable("process_result_refusals", {
  processId: text("process_id")
    .primaryKey()
    .references(() => processes.processId, { onDelete: "cascade" }),
  limitBytes: bigint("limit_bytes", { mode: "number" }).notNull(),
  /** Content-Length, when Assure declared one. */
  declaredBytes: bigint("declared_bytes", { mode: "number" }),
  refusedAt: timestamp("refused_at", tz).notNull().defaultNow(),
});

export const inboxState = pgEnum("inbox_state", ["received", "processing", "done", "failed", "dead"]);

/**
 * What a row needs next: `status` — read the process from Assure and store it; `result` — the process is
 * stored and final, its full-result zip is still to be downloaded. Statuses go first: a burst of
 * notifications (or a 20 MB zip) must not keep reviewers waiting for the statuses behind it.
 */
export const inboxStage = pgEnum("inbox_stage", ["status", "result"]);

/** Every authenticated notification, stored before it is acknowledged. */
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text("dedupe_key").notNull(),
    receivedAt: timestamp("received_at", tz).notNull().defaultNow(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    dossierId: text("dossier_id").notNull(),
    processId: text("process_id").notNull(),
    hintedStatus: text("hinted_status"),
    state: inboxState("state").notNull().default("received"),
    stage: inboxStage("stage").notNull().default("status"),
    /** Attempts at the current stage. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", tz).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", tz),
    lastError: text("last_error"),
    /** When the status stage stored the process (the overview's "notification to stored status"). */
    statusStoredAt: timestamp("status_stored_at", tz),
    doneAt: timestamp("done_at", tz),
  },
  (t) => [
    uniqueIndex("webhook_inbox_dedupe_idx").on(t.dedupeKey),
    index("webhook_inbox_due_idx")
      .on(t.stage, t.nextAttemptAt)
      .where(sql`${t.state} in ('received', 'failed')`),
    index("webhook_inbox_state_idx").on(t.state, t.receivedAt),
    index("webhook_inbox_process_idx").on(t.processId),
  ],
);

export type DossierRow = typeof dossiers.$inferSelect;
export type ProcessRow = typeof processes.$inferSelect;
export type NewProcessRow = typeof processes.$inferInsert;

export const syncRunState = pgEnum("sync_run_state", ["running", "done", "failed", "canceled"]);

/**
 * A full sync: walk Assure's dossiers and every process in them. The dossier list is written into
 * `sync_run_items` first, so a run survives a restart (it resumes with the items not yet done) and
 * several workers can share it (SKIP LOCKED).
 */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    state: syncRunState("state").notNull().default("running"),
    /** "admin" or "schedule". */
    trigger: text("trigger").notNull(),
    triggeredBy: text("triggered_by"),
    startedAt: timestamp("started_at", tz).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", tz),
    heartbeatAt: timestamp("heartbeat_at", tz).notNull().defaultNow(),
    totalDossiers: integer("total_dossiers"),
    doneDossiers: integer("done_dossiers").notNull().default(0),
    processesSeen: integer("processes_seen").notNull().default(0),
    processesChanged: integer("processes_changed").notNull().default(0),
    errors: integer("errors").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    index("sync_runs_started_idx").on(t.startedAt),
    // At most one running sync at a time, whoever starts it.
    uniqueIndex("sync_runs_one_running_idx").on(t.state).where(sql`${t.state} = 'running'`),
  ],
);

export const syncItemState = pgEnum("sync_item_state", ["pending", "done", "failed"]);

export const syncRunItems = pgTable(
  "sync_run_items",
  {
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => syncRuns.id, { onDelete: "cascade" }),
    dossierId: text("dossier_id").notNull(),
    state: syncItemState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.dossierId] }),
    index("sync_run_items_pending_idx").on(t.runId).where(sql`${t.state} = 'pending'`),
  ],
);
/**
 * One-time data jobs that run in the background after a migration (work SQL alone cannot do, such as
 * reading stored zips): where each got to, so that a restart resumes it, and when it finished.
 */
export const maintenanceJobs = pgTable("maintenance_jobs", {
  name: text("name").primaryKey(),
  cursor: text("cursor"),
  finishedAt: timestamp("finished_at", tz),
  updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
});

export * from "./staff-schema";
export * from "./retention-schema";
export * from "./findings-schema";
export * from "./identity-schema";
export * from "./saved-views-schema";
