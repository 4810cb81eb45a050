CREATE TABLE "process_status_counts" (
	"status" "process_status" NOT NULL,
	"slot" smallint NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "process_status_counts_status_slot_pk" PRIMARY KEY("status","slot")
);
--> statement-breakpoint
CREATE INDEX "dossiers_first_seen_idx" ON "dossiers" USING btree ("first_seen_at","dossier_id");--> statement-breakpoint
-- Counts per status for the queue, kept by the writes (db/schema.ts processStatusCounts says why).
-- Statement-level triggers with transition tables: a bulk insert or a seed adds one grouped row per
-- (status, slot) instead of one counter update per process. Each trigger touches rows in
-- (status, slot) order so that two writers never lock counter rows in opposite orders.
CREATE FUNCTION "process_status_counts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "process_status_counts" AS c ("status", "slot", "count")
  SELECT "status", (hashtext("process_id") & 15)::smallint, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("status", "slot") DO UPDATE SET "count" = c."count" + excluded."count";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "process_status_counts_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "process_status_counts" AS c ("status", "slot", "count")
  SELECT "status", (hashtext("process_id") & 15)::smallint, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("status", "slot") DO UPDATE SET "count" = c."count" + excluded."count";
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An update is "remove the old rows, add the new ones"; pairs that cancel out (no status change, the
-- usual case for a re-sync) write nothing and lock nothing.
CREATE FUNCTION "process_status_counts_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "process_status_counts" AS c ("status", "slot", "count")
  SELECT "status", "slot", sum("delta") FROM (
    SELECT "status", (hashtext("process_id") & 15)::smallint AS "slot", -1 AS "delta" FROM old_rows
    UNION ALL
    SELECT "status", (hashtext("process_id") & 15)::smallint, 1 FROM new_rows
  ) AS d
  GROUP BY 1, 2 HAVING sum("delta") <> 0 ORDER BY 1, 2
  ON CONFLICT ("status", "slot") DO UPDATE SET "count" = c."count" + excluded."count";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "process_status_counts_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "process_status_counts";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "processes_count_insert" AFTER INSERT ON "processes" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "process_status_counts_after_insert"();
--> statement-breakpoint
CREATE TRIGGER "processes_count_delete" AFTER DELETE ON "processes" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "process_status_counts_after_delete"();
--> statement-breakpoint
CREATE TRIGGER "processes_count_update" AFTER UPDATE ON "processes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "process_status_counts_after_update"();
--> statement-breakpoint
CREATE TRIGGER "processes_count_truncate" AFTER TRUNCATE ON "processes"
  FOR EACH STATEMENT EXECUTE FUNCTION "process_status_counts_after_truncate"();
--> statement-breakpoint
-- Creating the triggers locked `processes` against writes until this migration commits, so the
-- backfill below and the triggers see the same rows: no write is counted twice or missed.
INSERT INTO "process_status_counts" ("status", "slot", "count")
SELECT "status", (hashtext("process_id") & 15)::smallint, count(*) FROM "processes" GROUP BY 1, 2;
