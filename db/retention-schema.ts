import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff-schema";

const tz = { withTimezone: true, mode: "date" } as const;

export const erasureState = pgEnum("erasure_state", ["awaiting_confirmation", "erased"]);

/**
 * Erasure on request, one row per dossier, kept for ever: the row is what stops a late notification, a
 * sync or a retry from bringing the person back (a trigger in the migration refuses new processes in an
 * erased dossier). It holds no personal data: the reason is the request's reference, not the person.
 * `assure_deleted_at` null with state `erased` means the deletion at Assure is still pending.
 */
export const dossierErasures = pgTable(
  "dossier_erasures",
  {
    dossierId: text("dossier_id").primaryKey(),
    state: erasureState("state").notNull(),
    reason: text("reason").notNull(),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => staffUsers.id),
    requestedAt: timestamp("requested_at", tz).notNull().defaultNow(),
    confirmedBy: text("confirmed_by").references(() => staffUsers.id),
    confirmedAt: timestamp("confirmed_at", tz),
    erasedAt: timestamp("erased_at", tz),
    assureDeletedAt: timestamp("assure_deleted_at", tz),
    assureAttempts: integer("assure_attempts").notNull().default(0),
    assureNextAttemptAt: timestamp("assure_next_attempt_at", tz),
    assureLastError: text("assure_last_error"),
  },
  (t) => [
    index("dossier_erasures_assure_pending_idx")
      .on(t.assureNextAttemptAt)
      .where(sql`${t.state} = 'erased' and ${t.assureDeletedAt} is null`),
    check("dossier_erasures_four_eyes", sql`${t.confirmedBy} is null or ${t.confirmedBy} <> ${t.requestedBy}`),
  ],
);

export type DossierErasureRow = typeof dossierErasures.$inferSelect;
