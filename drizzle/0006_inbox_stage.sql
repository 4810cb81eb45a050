CREATE TYPE "public"."inbox_stage" AS ENUM('status', 'result');--> statement-breakpoint
DROP INDEX "webhook_inbox_due_idx";--> statement-breakpoint
ALTER TABLE "webhook_inbox" ADD COLUMN "stage" "inbox_stage" DEFAULT 'status' NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_inbox_due_idx" ON "webhook_inbox" USING btree ("stage","next_attempt_at") WHERE "webhook_inbox"."state" in ('received', 'failed');