import { sql } from "drizzle-orm";
import { doublePrecision, index, jsonb, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

const tz = { withTimezone: true, mode: "date" } as const;

/**
 * What the Onfido reports of a stored full-result zip found: one row per report, and one per breakdown or
 * sub-breakdown that found something, not `clear` or with a score (lib/findings/extract-findings.ts); no row
 * means clear or not performed. Written by the result stage in one multi-row insert.
 * The overview counts these instead of opening zips. Facts, not personal data: `properties` keeps only
 * an allow-list of keys (reasons, the document type and issuing country Onfido saw, scores), so a
 * retention purge leaves the rows alone.
 */
export const processFindings = pgTable(
  "process_findings",
  {
    /**
     * The process (`processes.process_id`). Not a foreign key: its check would look up and lock the process
     * row once per finding, which cost the result stage 2 to 5% of its throughput (bench/pump.ts). The
     * write joins the processes it is given (store-findings.ts), so no row is written for a process that
     * does not exist, and a statement trigger on `processes` deletes a deleted process's rows as the
     * cascade did (drizzle/0021_findings_without_foreign_key.sql).
     */
    processId: text("process_id").notNull(),
    /** `document`, `document.image_integrity`, `document.image_integrity.image_quality`. */
    path: text("path").notNull(),
    /** The report's name (`document`, `facial_similarity_photo`, …): the first segment of the path. */
    report: text("report").notNull(),
    /** 0: the report, 1: a breakdown, 2: a sub-breakdown. */
    depth: smallint("depth").notNull(),
    /** Onfido's result as sent (`clear`, `consider`, `unidentified`, …); null when not performed. */
    result: text("result"),
    /** Allow-listed properties: flagged reasons (`consider`), the document type and issuing country, scores. */
    properties: jsonb("properties").$type<Record<string, string | number>>(),
    /** The face-match or spoofing score (or a video report's score) where Onfido gave one. */
    score: doublePrecision("score"),
    extractedAt: timestamp("extracted_at", tz).notNull().defaultNow(),
    /**
     * When the process was created (a copy of `processes.created_at`, which never changes): the overview
     * counts the flagged checks of a range of days from this table's index, instead of joining every
     * flagged row ever stored to the range's processes.
     */
    processCreatedAt: timestamp("process_created_at", tz).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.processId, t.path] }),
    // "Which checks reject most": the flagged rows only, by path, then joined to the processes in range.
    index("process_findings_flagged_idx").on(t.path, t.processId).where(sql`${t.result} = 'consider'`),
    // The overview's flagged breakdowns of a range of days, with their reasons, read from the index alone
    // (breakdowns and sub-breakdowns only: no report rows).
    index("process_findings_flagged_checks_idx")
      .on(t.processCreatedAt, t.processId, t.path, t.properties)
      .where(sql`${t.result} = 'consider' and ${t.depth} > 0`),
  ],
);

export type ProcessFindingRow = typeof processFindings.$inferInsert;
