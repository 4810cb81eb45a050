CREATE TYPE "public"."identity_match" AS ENUM('document', 'name_birth_date');--> statement-breakpoint
CREATE TABLE "identity_links" (
	"process_id" text NOT NULL,
	"dossier_id" text NOT NULL,
	"other_process_id" text NOT NULL,
	"other_dossier_id" text NOT NULL,
	"match" "identity_match" NOT NULL,
	CONSTRAINT "identity_links_process_id_other_process_id_match_pk" PRIMARY KEY("process_id","other_process_id","match")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "repeated_attempts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_links" ADD CONSTRAINT "identity_links_process_id_processes_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("process_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_links" ADD CONSTRAINT "identity_links_other_process_id_processes_process_id_fk" FOREIGN KEY ("other_process_id") REFERENCES "public"."processes"("process_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_links_other_process_idx" ON "identity_links" USING btree ("other_process_id");--> statement-breakpoint
CREATE INDEX "identity_links_dossier_idx" ON "identity_links" USING btree ("dossier_id","other_dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_repeated_attempts_idx" ON "dossiers" USING btree ("dossier_id") WHERE "dossiers"."repeated_attempts";--> statement-breakpoint
CREATE INDEX "processes_identity_document_idx" ON "processes" USING btree ("document_number","issuing_country") WHERE "processes"."document_number" is not null;--> statement-breakpoint
CREATE INDEX "processes_identity_name_idx" ON "processes" USING btree ("date_of_birth","name_search") WHERE "processes"."name_search" is not null and "processes"."date_of_birth" is not null;--> statement-breakpoint
-- The same person elsewhere (db/identity-schema.ts). Links are computed in the database, by triggers, so
-- that every path that writes the look-up columns (ingest, the result stage, the back-fill, a sync, the
-- purge) keeps them right. The keys are the look-up columns as the desk writes them: the document number
-- is upper-case without spaces or fillers, `name_search` is accent- and case-folded in TypeScript
-- (lib/processes/extract-lookup.ts), so PGlite and PostgreSQL compare the same strings.
-- A transaction-level advisory lock per key serialises two writers of the same key: the second one's
-- look-up (a fresh snapshot under READ COMMITTED) then sees the first one's committed row, so concurrent
-- ingests of the same document still link. At most 100 processes per key are linked to a new one: a
-- test document used thousands of times must not make one write insert thousands of rows.
CREATE FUNCTION "identity_links_refresh"(p_process_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  me record;
BEGIN
  DELETE FROM "identity_links" WHERE "process_id" = p_process_id OR "other_process_id" = p_process_id;
  SELECT "process_id", "dossier_id", "document_number", "issuing_country", "name_search", "date_of_birth", "purged_at"
    INTO me FROM "processes" WHERE "process_id" = p_process_id;
  IF NOT FOUND OR me."purged_at" IS NOT NULL THEN
    RETURN;
  END IF;
  IF me."document_number" IS NOT NULL AND me."issuing_country" IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('identity-document:' || me."issuing_country" || ':' || me."document_number", 0));
    WITH found AS (
      SELECT o."process_id", o."dossier_id" FROM "processes" o
      WHERE o."document_number" = me."document_number" AND o."issuing_country" = me."issuing_country"
        AND o."dossier_id" <> me."dossier_id" AND o."purged_at" IS NULL
      LIMIT 100
    )
    INSERT INTO "identity_links" ("process_id", "dossier_id", "other_process_id", "other_dossier_id", "match")
      SELECT me."process_id", me."dossier_id", f."process_id", f."dossier_id", 'document'::"identity_match" FROM found f
      UNION ALL
      SELECT f."process_id", f."dossier_id", me."process_id", me."dossier_id", 'document'::"identity_match" FROM found f
    ON CONFLICT DO NOTHING;
  END IF;
  IF me."name_search" IS NOT NULL AND me."date_of_birth" IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('identity-name:' || me."date_of_birth"::text || ':' || me."name_search", 0));
    WITH found AS (
      SELECT o."process_id", o."dossier_id" FROM "processes" o
      WHERE o."date_of_birth" = me."date_of_birth" AND o."name_search" = me."name_search"
        AND o."dossier_id" <> me."dossier_id" AND o."purged_at" IS NULL
      LIMIT 100
    )
    INSERT INTO "identity_links" ("process_id", "dossier_id", "other_process_id", "other_dossier_id", "match")
      SELECT me."process_id", me."dossier_id", f."process_id", f."dossier_id", 'name_birth_date'::"identity_match" FROM found f
      UNION ALL
      SELECT f."process_id", f."dossier_id", me."process_id", me."dossier_id", 'name_birth_date'::"identity_match" FROM found f
    ON CONFLICT DO NOTHING;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION "identity_links_on_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "identity_links_refresh"(NEW."process_id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "identity_links_on_insert" AFTER INSERT ON "processes"
  FOR EACH ROW WHEN (NEW."document_number" IS NOT NULL OR NEW."name_search" IS NOT NULL)
  EXECUTE FUNCTION "identity_links_on_write"();
--> statement-breakpoint
CREATE TRIGGER "identity_links_on_update" AFTER UPDATE ON "processes"
  FOR EACH ROW WHEN (
    OLD."document_number" IS DISTINCT FROM NEW."document_number"
    OR OLD."issuing_country" IS DISTINCT FROM NEW."issuing_country"
    OR OLD."name_search" IS DISTINCT FROM NEW."name_search"
    OR OLD."date_of_birth" IS DISTINCT FROM NEW."date_of_birth"
    OR OLD."purged_at" IS DISTINCT FROM NEW."purged_at"
  )
  EXECUTE FUNCTION "identity_links_on_write"();
--> statement-breakpoint
-- Repeated attempts: three or more rejected or failed processes of one dossier whose creation times fall
-- within 30 days. Set when such a process is written; statuses and times survive the purge, so the flag does too.
CREATE FUNCTION "dossiers_flag_repeated_attempts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "dossiers" d SET "repeated_attempts" = true
  WHERE d."dossier_id" = NEW."dossier_id" AND NOT d."repeated_attempts" AND EXISTS (
    SELECT 1 FROM (
      SELECT p."created_at", lag(p."created_at", 2) OVER (ORDER BY p."created_at") AS "third_before"
      FROM "processes" p WHERE p."dossier_id" = NEW."dossier_id" AND p."status" IN ('rejected', 'failed')
    ) w WHERE w."third_before" IS NOT NULL AND w."created_at" - w."third_before" <= interval '30 days'
  );
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "dossiers_flag_repeated_attempts" AFTER INSERT OR UPDATE OF "status" ON "processes"
  FOR EACH ROW WHEN (NEW."status" IN ('rejected', 'failed'))
  EXECUTE FUNCTION "dossiers_flag_repeated_attempts"();
--> statement-breakpoint
-- What is already stored, in two set-wise passes.
INSERT INTO "identity_links" ("process_id", "dossier_id", "other_process_id", "other_dossier_id", "match")
  SELECT a."process_id", a."dossier_id", b."process_id", b."dossier_id", 'document'::"identity_match"
  FROM "processes" a JOIN "processes" b
    ON b."document_number" = a."document_number" AND b."issuing_country" = a."issuing_country" AND b."dossier_id" <> a."dossier_id"
  WHERE a."purged_at" IS NULL AND b."purged_at" IS NULL
  UNION ALL
  SELECT a."process_id", a."dossier_id", b."process_id", b."dossier_id", 'name_birth_date'::"identity_match"
  FROM "processes" a JOIN "processes" b
    ON b."date_of_birth" = a."date_of_birth" AND b."name_search" = a."name_search" AND b."dossier_id" <> a."dossier_id"
  WHERE a."purged_at" IS NULL AND b."purged_at" IS NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- One pass over the rejected and failed processes, windowed per dossier (a subquery per dossier took
-- minutes at a million processes).
UPDATE "dossiers" d SET "repeated_attempts" = true
FROM (
  SELECT DISTINCT w."dossier_id" FROM (
    SELECT p."dossier_id", p."created_at",
           lag(p."created_at", 2) OVER (PARTITION BY p."dossier_id" ORDER BY p."created_at") AS "third_before"
    FROM "processes" p WHERE p."status" IN ('rejected', 'failed')
  ) w WHERE w."third_before" IS NOT NULL AND w."created_at" - w."third_before" <= interval '30 days'
) r
WHERE d."dossier_id" = r."dossier_id";
