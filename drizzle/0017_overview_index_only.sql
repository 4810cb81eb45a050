-- The overview reads a range of days from indexes alone: the creation index carries status, type, document
-- type, country and fail reason; the final index what turnaround reads and narrows by. The queue's keyset
-- still uses the leading (created_at, process_id).
DROP INDEX "processes_created_idx";--> statement-breakpoint
DROP INDEX "processes_final_idx";--> statement-breakpoint
CREATE INDEX "processes_created_idx" ON "processes" USING btree ("created_at","process_id","status","process_type","document_type","issuing_country","fail_reason_type");--> statement-breakpoint
CREATE INDEX "processes_final_idx" ON "processes" USING btree ("final_at","created_at","process_type","document_type","issuing_country") WHERE "processes"."final_at" is not null;--> statement-breakpoint
-- Open review work with what the backlog by age reads: an index-only scan, less the decided ones.
CREATE INDEX "processes_review_work_idx" ON "processes" USING btree ("process_id","final_at","updated_at","process_type","document_type","issuing_country") WHERE "processes"."status" in ('inconclusive', 'rejected');--> statement-breakpoint
-- Findings carry their process's creation time (which never changes), so that the flagged checks of a range
-- are read from one partial index instead of joining every flagged row ever stored. Existing rows take it
-- from their process.
ALTER TABLE "process_findings" ADD COLUMN "process_created_at" timestamp with time zone;--> statement-breakpoint
UPDATE "process_findings" f SET "process_created_at" = p."created_at" FROM "processes" p WHERE p."process_id" = f."process_id";--> statement-breakpoint
ALTER TABLE "process_findings" ALTER COLUMN "process_created_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "process_findings_flagged_checks_idx" ON "process_findings" USING btree ("process_created_at","process_id","path","properties") WHERE "process_findings"."result" = 'consider' and "process_findings"."depth" > 0;
