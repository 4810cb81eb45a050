import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { PROCESS_STATUSES } from "../lib/assure/schemas";

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
  },
  (t) => [
    index("dossiers_created_idx").on(t.createdAt, t.dossierId),
    index("dossiers_activity_idx").on(t.lastActivityAt, t.dossierId),
    index("dossiers_id_prefix_idx").on(sql`${t.dossierId} text_pattern_ops`),
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
  },
  (t) => [
    index("processes_status_updated_idx").on(t.status, t.updatedAt, t.processId),
    index("processes_updated_idx").on(t.updatedAt, t.processId),
    index("processes_created_idx").on(t.createdAt, t.processId),
    index("processes_dossier_idx").on(t.dossierId, t.createdAt),
    index("processes_retry_of_idx").on(t.retryOfProcessId).where(sql`${t.retryOfProcessId} is not null`),
    index("processes_name_trgm_idx").using("gin", sql`${t.nameSearch} gin_trgm_ops`),
    index("processes_document_number_idx").on(sql`${t.documentNumber} text_pattern_ops`),
    index("processes_date_of_birth_idx").on(t.dateOfBirth),
    index("processes_id_prefix_idx").on(sql`${t.processId} text_pattern_ops`),
    index("processes_country_idx").on(t.issuingCountry),
  ],
);

/** The full-result zip as downloaded, kept because Signicat deletes its copy after retention. */
export const processResults = pgTable("process_results", {
  processId: text("process_id")
    .primaryKey()
    .references(() => processes.processId, { onDelete: "cascade" }),
  /** Where the bytes live: "postgres" keeps them in `content`; other stores keep a key. */
  storage: text("storage").notNull().default("postgres"),
  storageKey: text("storage_key"),
  content: bytea("content"),
  sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
  sha256: text("sha256").notNull(),
  storedAt: timestamp("stored_at", tz).notNull().defaultNow(),
});

export const inboxState = pgEnum("inbox_state", ["received", "processing", "done", "failed", "dead"]);

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
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", tz).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", tz),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", tz),
  },
  (t) => [
    uniqueIndex("webhook_inbox_dedupe_idx").on(t.dedupeKey),
    index("webhook_inbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} in ('received', 'failed')`),
    index("webhook_inbox_state_idx").on(t.state, t.receivedAt),
    index("webhook_inbox_process_idx").on(t.processId),
  ],
);

export type DossierRow = typeof dossiers.$inferSelect;
export type ProcessRow = typeof processes.$inferSelect;
export type NewProcessRow = typeof processes.$inferInsert;
