CREATE TYPE "public"."inbox_state" AS ENUM('received', 'processing', 'done', 'failed', 'dead');--> statement-breakpoint
CREATE TYPE "public"."process_status" AS ENUM('pending', 'processing', 'accepted', 'rejected', 'inconclusive', 'canceled', 'failed');--> statement-breakpoint
CREATE TABLE "dossiers" (
	"dossier_id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"gone_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone NOT NULL,
	"process_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_results" (
	"process_id" text PRIMARY KEY NOT NULL,
	"storage" text DEFAULT 'postgres' NOT NULL,
	"storage_key" text,
	"content" "bytea",
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"process_id" text PRIMARY KEY NOT NULL,
	"dossier_id" text NOT NULL,
	"provider" text,
	"process_type" text,
	"document_type" text,
	"status" "process_status" NOT NULL,
	"process_parameters" jsonb,
	"final_result" jsonb,
	"provider_specific" jsonb,
	"fail_reason_type" text,
	"fail_reason_message" text,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retry_of_process_id" text,
	"first_name" text,
	"last_name" text,
	"name_search" text,
	"document_number" text,
	"date_of_birth" date,
	"nationality" text,
	"issuing_country" text
);
--> statement-breakpoint
CREATE TABLE "webhook_inbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_inbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dedupe_key" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"body" jsonb NOT NULL,
	"headers" jsonb NOT NULL,
	"dossier_id" text NOT NULL,
	"process_id" text NOT NULL,
	"hinted_status" text,
	"state" "inbox_state" DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "process_results" ADD CONSTRAINT "process_results_process_id_processes_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("process_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_dossier_id_dossiers_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("dossier_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_retry_of_process_id_processes_process_id_fk" FOREIGN KEY ("retry_of_process_id") REFERENCES "public"."processes"("process_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_created_idx" ON "dossiers" USING btree ("created_at","dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_activity_idx" ON "dossiers" USING btree ("last_activity_at","dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_id_prefix_idx" ON "dossiers" USING btree ("dossier_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "processes_status_updated_idx" ON "processes" USING btree ("status","updated_at","process_id");--> statement-breakpoint
CREATE INDEX "processes_updated_idx" ON "processes" USING btree ("updated_at","process_id");--> statement-breakpoint
CREATE INDEX "processes_created_idx" ON "processes" USING btree ("created_at","process_id");--> statement-breakpoint
CREATE INDEX "processes_dossier_idx" ON "processes" USING btree ("dossier_id","created_at");--> statement-breakpoint
CREATE INDEX "processes_retry_of_idx" ON "processes" USING btree ("retry_of_process_id") WHERE "processes"."retry_of_process_id" is not null;--> statement-breakpoint
CREATE INDEX "processes_name_trgm_idx" ON "processes" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "processes_document_number_idx" ON "processes" USING btree ("document_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "processes_date_of_birth_idx" ON "processes" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "processes_id_prefix_idx" ON "processes" USING btree ("process_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "processes_country_idx" ON "processes" USING btree ("issuing_country");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_inbox_dedupe_idx" ON "webhook_inbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "webhook_inbox_due_idx" ON "webhook_inbox" USING btree ("next_attempt_at") WHERE "webhook_inbox"."state" in ('received', 'failed');--> statement-breakpoint
CREATE INDEX "webhook_inbox_state_idx" ON "webhook_inbox" USING btree ("state","received_at");--> statement-breakpoint
CREATE INDEX "webhook_inbox_process_idx" ON "webhook_inbox" USING btree ("process_id");