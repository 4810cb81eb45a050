import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The desk's own layer: staff, what they decide and note, the retries they ask Assure for, and the
 * append-only audit of all of it. Assure's data (db/schema.ts) is never changed by any of this.
 */

const tz = { withTimezone: true, mode: "date" } as const;

export const STAFF_ROLES = ["support", "compliance", "admin"] as const;
export const staffRole = pgEnum("staff_role", STAFF_ROLES);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    /** Stored lower-case; the sign-in form lower-cases too. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull(),
    /** argon2id; null for users who sign in only through the company's SSO. */
    passwordHash: text("password_hash"),
    /** The SSO provider's subject, when the user has signed in that way; unique per issuer. */
    ssoSubject: text("sso_subject"),
    /** The OpenID Connect issuer that vouched for `sso_subject`. */
    ssoIssuer: text("sso_issuer"),
    /** An admin allowed an SSO login with this (verified) email to be linked to this account. */
    ssoAllowed: boolean("sso_allowed").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", tz),
    /** Sessions issued before this are refused: set on deactivation, role change and password reset. */
    sessionsValidAfter: timestamp("sessions_valid_after", tz).notNull().defaultNow(),
    /** The user's own choices (lib/staff/preferences.ts); null: follow the browser. */
    locale: text("locale"),
    /** An IANA time zone (`Europe/Oslo`); null: the browser's. */
    timeZone: text("time_zone"),
    /** `comfortable` or `compact` rows in the lists; null: comfortable. */
    listDensity: text("list_density"),
    /** `light` or `dark`; null: the system's setting. */
    colorScheme: text("color_scheme"),
  },
  (t) => [
    uniqueIndex("staff_users_email_idx").on(t.email),
    // A subject is unique only within its issuer (OpenID Connect Core §2).
    uniqueIndex("staff_users_sso_identity_idx").on(t.ssoIssuer, t.ssoSubject).where(sql`${t.ssoSubject} is not null`),
    check("staff_users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Sign-in attempts per (account, address) pair and per address, for back-off (lib/auth/throttle.ts). */
export const signInThrottle = pgTable("sign_in_throttle", {
  /** `pair:<address>:<sha-256 of the typed email>` or `address:<ip>`. */
  key: text("key").primaryKey(),
  /** The account a pair's email names (null when it names none: the typed text is never stored). */
  staffUserId: text("staff_user_id"),
  address: text("address"),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", tz).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", tz),
});

/**
 * Append-only: a trigger (drizzle/0004) refuses UPDATE, DELETE and TRUNCATE, so not even the desk's
 * own database user can rewrite history. Rows are written in the same transaction as the action.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", tz).notNull().defaultNow(),
    actorId: text("actor_id"),
    /** Kept as text (not a foreign key) so the record outlives any change to the user. */
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    dossierId: text("dossier_id"),
    processId: text("process_id"),
    /** What else identifies the target (a staff user's id, an inbox row, a sync run). */
    target: text("target"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    address: text("address"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
    index("audit_log_dossier_idx").on(t.dossierId, t.at).where(sql`${t.dossierId} is not null`),
  ],
);

export const reviewDecision = pgEnum("review_decision", ["approve", "reject"]);
export const reviewState = pgEnum("review_state", ["awaiting_confirmation", "final", "withdrawn"]);

/** Compliance decisions on inconclusive and rejected processes: the desk's layer over Assure's status. */
export const reviewDecisions = pgTable(
  "review_decisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    processId: text("process_id").notNull(),
    decision: reviewDecision("decision").notNull(),
    reasonCategory: text("reason_category").notNull(),
    note: text("note").notNull(),
    state: reviewState("state").notNull(),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => staffUsers.id),
    decidedAt: timestamp("decided_at", tz).notNull().defaultNow(),
    confirmedBy: text("confirmed_by").references(() => staffUsers.id),
    confirmedAt: timestamp("confirmed_at", tz),
  },
  (t) => [
    index("review_decisions_process_idx").on(t.processId, t.decidedAt),
    // One open (awaiting or final) decision per process; a new one withdraws the old first.
    uniqueIndex("review_decisions_open_idx").on(t.processId).where(sql`${t.state} <> 'withdrawn'`),
    check("review_decisions_four_eyes", sql`${t.confirmedBy} is null or ${t.confirmedBy} <> ${t.decidedBy}`),
  ],
);

/** Who is working on a process (compliance's "my queue"). */
export const processAssignments = pgTable(
  "process_assignments",
  {
    processId: text("process_id").primaryKey(),
    assigneeId: text("assignee_id")
      .notNull()
      .references(() => staffUsers.id),
    assignedAt: timestamp("assigned_at", tz).notNull().defaultNow(),
  },
  (t) => [index("process_assignments_assignee_idx").on(t.assigneeId, t.assignedAt)],
);

export const dossierNotes = pgTable(
  "dossier_notes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: text("dossier_id").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => staffUsers.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [index("dossier_notes_dossier_idx").on(t.dossierId, t.createdAt)],
);

export const retryState = pgEnum("retry_state", ["creating", "created", "images_copied", "started", "failed", "canceled"]);

/**
 * A retry of a failed process, step by step, so that a half-done retry (created at Assure, not started)
 * is visible and can be resumed. `(original_process_id, attempt)` is unique: two admins or a double
 * click asking for the same attempt make one retry; the idempotency key makes a repeated request
 * answer with the retry it already made.
 */
export const processRetries = pgTable(
  "process_retries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    originalProcessId: text("original_process_id").notNull(),
    dossierId: text("dossier_id").notNull(),
    attempt: integer("attempt").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    state: retryState("state").notNull().default("creating"),
    newProcessId: text("new_process_id"),
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull(),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => staffUsers.id),
    requestedAt: timestamp("requested_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
    lastError: text("last_error"),
    /** Held by the request advancing the retry, so that a double click never runs a step twice. */
    advancingUntil: timestamp("advancing_until", tz),
    bulkId: text("bulk_id"),
  },
  (t) => [
    uniqueIndex("process_retries_attempt_idx").on(t.originalProcessId, t.attempt),
    uniqueIndex("process_retries_idempotency_idx").on(t.idempotencyKey),
    uniqueIndex("process_retries_new_process_idx").on(t.newProcessId).where(sql`${t.newProcessId} is not null`),
    index("process_retries_bulk_idx").on(t.bulkId).where(sql`${t.bulkId} is not null`),
  ],
);

export const PRESENCE_MODES = ["viewing", "reviewing"] as const;

/**
 * Who has a process open right now, one row per browser tab: its page sends a heartbeat every ~20 s and
 * removes the row when the tab closes; a row not heard from for a minute no longer counts. Staff, not
 * end-users: no personal data. Kept in the database so that every desk instance sees every tab.
 */
export const processPresence = pgTable(
  "process_presence",
  {
    /** Made by the tab (a random UUID), so a reload or a second tab of one user are apart. */
    tabId: text("tab_id").primaryKey(),
    staffUserId: text("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    processId: text("process_id").notNull(),
    mode: text("mode", { enum: PRESENCE_MODES }).notNull(),
    seenAt: timestamp("seen_at", tz).notNull().defaultNow(),
    /**
     * The tab's count of its reports, the last one applied. A tab's heartbeat and its goodbye travel as separate
     * requests and may arrive out of order; one older than the last applied is dropped (lib/presence/presence.ts).
     */
    seq: integer("seq").notNull().default(0),
  },
  (t) => [index("process_presence_process_idx").on(t.processId, t.seenAt)],
);
