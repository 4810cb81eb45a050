CREATE TABLE "process_findings" (
	"process_id" text NOT NULL,
	"path" text NOT NULL,
	"report" text NOT NULL,
	"depth" smallint NOT NULL,
	"result" text,
	"properties" jsonb,
	"score" double precision,
	"extracted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_findings_process_id_path_pk" PRIMARY KEY("process_id","path")
);
--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "final_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_inbox" ADD COLUMN "status_stored_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "process_findings" ADD CONSTRAINT "process_findings_process_id_processes_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("process_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_findings_flagged_idx" ON "process_findings" USING btree ("path","process_id") WHERE "process_findings"."result" = 'consider';--> statement-breakpoint
CREATE INDEX "processes_final_idx" ON "processes" USING btree ("final_at") WHERE "processes"."final_at" is not null;--> statement-breakpoint
-- Processes already final: the best time the desk has is Assure's updatedAt of the copy it holds. Tombstones
-- too (final_at is a fact the purge keeps), so the trigger that freezes them steps aside for this one update.
ALTER TABLE "processes" DISABLE TRIGGER "processes_keep_tombstones";--> statement-breakpoint
UPDATE "processes" SET "final_at" = "updated_at"
  WHERE "status" IN ('accepted', 'rejected', 'inconclusive', 'canceled', 'failed') AND "final_at" IS NULL;--> statement-breakpoint
ALTER TABLE "processes" ENABLE TRIGGER "processes_keep_tombstones";
