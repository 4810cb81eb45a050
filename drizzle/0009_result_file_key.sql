CREATE INDEX "process_results_storage_key_idx" ON "process_results" USING btree ("storage_key") WHERE "process_results"."storage_key" is not null;--> statement-breakpoint
-- Zips do not compress: keep them out of line uncompressed, so that reading a slice fetches only its chunks.
ALTER TABLE "process_results" ALTER COLUMN "content" SET STORAGE EXTERNAL;
