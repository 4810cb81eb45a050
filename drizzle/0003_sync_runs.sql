CREATE TYPE "public"."sync_item_state" AS ENUM('pending', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sync_run_state" AS ENUM('running', 'done', 'failed', 'canceled');--> statement-breakpoint
CREATE TABLE "sync_run_items" (
	"run_id" bigint NOT NULL,
	"dossier_id" text NOT NULL,
	"state" "sync_item_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "sync_run_items_run_id_dossier_id_pk" PRIMARY KEY("run_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"state" "sync_run_state" DEFAULT 'running' NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"total_dossiers" integer,
	"done_dossiers" integer DEFAULT 0 NOT NULL,
	"processes_seen" integer DEFAULT 0 NOT NULL,
	"processes_changed" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "sync_run_items" ADD CONSTRAINT "sync_run_items_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_run_items_pending_idx" ON "sync_run_items" USING btree ("run_id") WHERE "sync_run_items"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "sync_runs_started_idx" ON "sync_runs" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_running_idx" ON "sync_runs" USING btree ("state") WHERE "sync_runs"."state" = 'running';