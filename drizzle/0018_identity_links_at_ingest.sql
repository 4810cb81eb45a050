-- Identity links at ingest, cheaper (what links mean is unchanged: see drizzle/0014_identity_links.sql).
-- The ingest triggers used to re-derive every link of a written process: delete them all, read the row
-- back, then look each key up and insert in a statement of its own. Now:
-- * a new process (INSERT) has no links to delete: nothing is deleted, and the row is the trigger's NEW,
--   not read back;
-- * an update re-links only the kind of match whose key changed (a new name leaves the document's links
--   as they are, not deleted and inserted again), and deletes only links that can exist (the old row had
--   that key and was not purged);
-- * both keys are locked first, then looked up and linked in one statement (one snapshot, taken after
--   both locks: a concurrent writer of either key has committed, or waits for this transaction).
-- The advisory locks and their keys are those of 0014, taken in the same order (document, then name).

-- Links one process, whose own links of these kinds are gone (or never were), to the processes of other
-- dossiers holding the same document (number and issuing country) or the same name and date of birth.
-- A key passed as null is not linked. At most 100 processes per key.
CREATE FUNCTION "identity_links_add"(
  p_process_id text, p_dossier_id text,
  p_document_number text, p_issuing_country text, p_name_search text, p_date_of_birth date
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  by_document boolean := p_document_number IS NOT NULL AND p_issuing_country IS NOT NULL;
  by_name boolean := p_name_search IS NOT NULL AND p_date_of_birth IS NOT NULL;
BEGIN
  IF by_document THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('identity-document:' || p_issuing_country || ':' || p_document_number, 0));
  END IF;
  IF by_name THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('identity-name:' || p_date_of_birth::text || ':' || p_name_search, 0));
  END IF;
  IF NOT (by_document OR by_name) THEN
    RETURN;
  END IF;
  WITH found AS (
    (SELECT o."process_id", o."dossier_id", 'document'::"identity_match" AS "match" FROM "processes" o
      WHERE by_document AND o."document_number" = p_document_number AND o."issuing_country" = p_issuing_country
        AND o."dossier_id" <> p_dossier_id AND o."purged_at" IS NULL
      LIMIT 100)
    UNION ALL
    (SELECT o."process_id", o."dossier_id", 'name_birth_date'::"identity_match" AS "match" FROM "processes" o
      WHERE by_name AND o."date_of_birth" = p_date_of_birth AND o."name_search" = p_name_search
        AND o."dossier_id" <> p_dossier_id AND o."purged_at" IS NULL
      LIMIT 100)
  )
  INSERT INTO "identity_links" ("process_id", "dossier_id", "other_process_id", "other_dossier_id", "match")
    SELECT p_process_id, p_dossier_id, f."process_id", f."dossier_id", f."match" FROM found f
    UNION ALL
    SELECT f."process_id", f."dossier_id", p_process_id, p_dossier_id, f."match" FROM found f
  ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- Every link of one process derived again from its stored row (not used by the triggers; kept for a
-- repair by hand).
CREATE OR REPLACE FUNCTION "identity_links_refresh"(p_process_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  me record;
BEGIN
  DELETE FROM "identity_links" WHERE "process_id" = p_process_id OR "other_process_id" = p_process_id;
  SELECT "dossier_id", "document_number", "issuing_country", "name_search", "date_of_birth", "purged_at"
    INTO me FROM "processes" WHERE "process_id" = p_process_id;
  IF FOUND AND me."purged_at" IS NULL THEN
    PERFORM "identity_links_add"(p_process_id, me."dossier_id", me."document_number", me."issuing_country", me."name_search", me."date_of_birth");
  END IF;
END $$;
--> statement-breakpoint
-- The ingest triggers (identity_links_on_insert, identity_links_on_update: their conditions are 0014's).
CREATE OR REPLACE FUNCTION "identity_links_on_write"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  document_changed boolean := true;
  name_changed boolean := true;
  had_document boolean := false;
  had_name boolean := false;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    document_changed := OLD."document_number" IS DISTINCT FROM NEW."document_number"
      OR OLD."issuing_country" IS DISTINCT FROM NEW."issuing_country" OR OLD."purged_at" IS DISTINCT FROM NEW."purged_at";
    name_changed := OLD."name_search" IS DISTINCT FROM NEW."name_search"
      OR OLD."date_of_birth" IS DISTINCT FROM NEW."date_of_birth" OR OLD."purged_at" IS DISTINCT FROM NEW."purged_at";
    had_document := document_changed AND OLD."purged_at" IS NULL
      AND OLD."document_number" IS NOT NULL AND OLD."issuing_country" IS NOT NULL;
    had_name := name_changed AND OLD."purged_at" IS NULL
      AND OLD."name_search" IS NOT NULL AND OLD."date_of_birth" IS NOT NULL;
    IF had_document AND had_name THEN
      DELETE FROM "identity_links" WHERE "process_id" = NEW."process_id" OR "other_process_id" = NEW."process_id";
    ELSIF had_document THEN
      DELETE FROM "identity_links"
        WHERE ("process_id" = NEW."process_id" OR "other_process_id" = NEW."process_id") AND "match" = 'document';
    ELSIF had_name THEN
      DELETE FROM "identity_links"
        WHERE ("process_id" = NEW."process_id" OR "other_process_id" = NEW."process_id") AND "match" = 'name_birth_date';
    END IF;
  END IF;
  IF NEW."purged_at" IS NULL AND (document_changed OR name_changed) THEN
    PERFORM "identity_links_add"(NEW."process_id", NEW."dossier_id",
      CASE WHEN document_changed THEN NEW."document_number" END, NEW."issuing_country",
      CASE WHEN name_changed THEN NEW."name_search" END, NEW."date_of_birth");
  END IF;
  RETURN NULL;
END $$;
