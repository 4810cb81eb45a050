-- A purge rewrites each row it takes (it clears indexed columns, so the update is never HOT) and every
-- index of `processes` gains an entry for the tombstone. The look-ups by name, document number and date
-- of birth never want a row without that value (their conditions imply "is not null"), so these indexes
-- now leave such rows out, tombstones among them. Rebuilding them locks `processes` against writes for
-- the build (about 20 s at a million processes).
DROP INDEX "processes_name_trgm_idx";--> statement-breakpoint
DROP INDEX "processes_document_number_idx";--> statement-breakpoint
DROP INDEX "processes_date_of_birth_idx";--> statement-breakpoint
CREATE INDEX "processes_name_trgm_idx" ON "processes" USING gin ("name_search" gin_trgm_ops) WHERE "processes"."name_search" is not null;--> statement-breakpoint
CREATE INDEX "processes_document_number_idx" ON "processes" USING btree ("document_number" text_pattern_ops) WHERE "processes"."document_number" is not null;--> statement-breakpoint
CREATE INDEX "processes_date_of_birth_idx" ON "processes" USING btree ("date_of_birth") WHERE "processes"."date_of_birth" is not null;--> statement-breakpoint
-- A purge used to refresh the identity links of each purged process in a row trigger (a function call, a
-- delete and a look-up per process). A tombstone links to nothing, so a purging statement now removes
-- its processes' links in one set-wise delete, after the statement; the row trigger only runs for
-- processes that are not purged.
DROP TRIGGER "identity_links_on_update" ON "processes";--> statement-breakpoint
CREATE TRIGGER "identity_links_on_update" AFTER UPDATE ON "processes"
  FOR EACH ROW WHEN (
    NEW."purged_at" IS NULL AND (
      OLD."document_number" IS DISTINCT FROM NEW."document_number"
      OR OLD."issuing_country" IS DISTINCT FROM NEW."issuing_country"
      OR OLD."name_search" IS DISTINCT FROM NEW."name_search"
      OR OLD."date_of_birth" IS DISTINCT FROM NEW."date_of_birth"
      OR OLD."purged_at" IS DISTINCT FROM NEW."purged_at"
    )
  )
  EXECUTE FUNCTION "identity_links_on_write"();
--> statement-breakpoint
-- The rows of `new_rows` with `purged_at` set were purged by this statement: a tombstone is never updated
-- again (processes_keep_tombstones skips it), so it is in no later statement's `new_rows`.
CREATE FUNCTION "identity_links_forget_purged"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  purged text[];
BEGIN
  SELECT array_agg(n."process_id") INTO purged FROM new_rows n WHERE n."purged_at" IS NOT NULL;
  IF purged IS NOT NULL THEN
    DELETE FROM "identity_links" WHERE "process_id" = ANY (purged) OR "other_process_id" = ANY (purged);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "identity_links_on_purge" AFTER UPDATE ON "processes" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "identity_links_forget_purged"();
