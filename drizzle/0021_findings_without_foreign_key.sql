-- A finding's process is no longer a foreign key. Its check looked up and locked the process row once per
-- finding written (four rows for a typical accepted result), and that cost the result stage 2 to 5% of
-- its throughput (bench/pump.ts). Findings are written by one statement that joins the processes it is
-- given (lib/findings/store-findings.ts), so no row is written for a process that does not exist; and
-- processes are never deleted by the desk (a purge keeps a tombstone and its findings). When one is
-- deleted all the same (by hand, or with its dossier), these triggers delete its findings as the cascade
-- did, once per statement.
ALTER TABLE "process_findings" DROP CONSTRAINT "process_findings_process_id_processes_process_id_fk";--> statement-breakpoint
CREATE FUNCTION "process_findings_forget_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "process_findings" WHERE "process_id" IN (SELECT o."process_id" FROM old_rows o);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "process_findings_on_delete" AFTER DELETE ON "processes"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "process_findings_forget_deleted"();
--> statement-breakpoint
CREATE FUNCTION "process_findings_forget_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "process_findings";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "process_findings_on_truncate" AFTER TRUNCATE ON "processes"
  FOR EACH STATEMENT EXECUTE FUNCTION "process_findings_forget_truncated"();
