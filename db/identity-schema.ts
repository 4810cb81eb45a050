import { index, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { processes } from "./schema";

/** What two processes of different dossiers share: the same document (number and issuing country), or the same name and date of birth. */
export const IDENTITY_MATCHES = ["document", "name_birth_date"] as const;
export const identityMatch = pgEnum("identity_match", IDENTITY_MATCHES);

/**
 * The same person elsewhere: one row per (process, process of another dossier, what matched), kept in both
 * directions so that either side reads its links from an index. It holds ids and the kind of match only,
 * never the matched values (those stay in the process rows, which the purge clears). Rows are written by
 * the `identity_links_*` triggers (drizzle/0014_identity_links.sql, 0018_identity_links_at_ingest.sql)
 * whenever a process's look-up columns change, whichever code path writes them, and removed when they are
 * cleared (purge, erasure).
 */
export const identityLinks = pgTable(
  "identity_links",
  {
    processId: text("process_id")
      .notNull()
      .references(() => processes.processId, { onDelete: "cascade" }),
    dossierId: text("dossier_id").notNull(),
    otherProcessId: text("other_process_id")
      .notNull()
      .references(() => processes.processId, { onDelete: "cascade" }),
    otherDossierId: text("other_dossier_id").notNull(),
    match: identityMatch("match").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.processId, t.otherProcessId, t.match] }),
    index("identity_links_other_process_idx").on(t.otherProcessId),
    index("identity_links_dossier_idx").on(t.dossierId, t.otherDossierId),
  ],
);

