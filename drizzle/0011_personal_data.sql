CREATE TYPE "public"."erasure_state" AS ENUM('awaiting_confirmation', 'erased');--> statement-breakpoint
CREATE TABLE "dossier_erasures" (
	"dossier_id" text PRIMARY KEY NOT NULL,
	"state" "erasure_state" NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"assure_deleted_at" timestamp with time zone,
	"assure_attempts" integer DEFAULT 0 NOT NULL,
	"assure_next_attempt_at" timestamp with time zone,
	"assure_last_error" text,
	CONSTRAINT "dossier_erasures_four_eyes" CHECK ("dossier_erasures"."confirmed_by" is null or "dossier_erasures"."confirmed_by" <> "dossier_erasures"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "legal_hold_reason" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "legal_hold_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "legal_hold_by" text;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "purge_reason" text;--> statement-breakpoint
ALTER TABLE "dossier_erasures" ADD CONSTRAINT "dossier_erasures_requested_by_staff_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_erasures" ADD CONSTRAINT "dossier_erasures_confirmed_by_staff_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_erasures_assure_pending_idx" ON "dossier_erasures" USING btree ("assure_next_attempt_at") WHERE "dossier_erasures"."state" = 'erased' and "dossier_erasures"."assure_deleted_at" is null;--> statement-breakpoint
-- Nothing brings an erased or purged person back, whichever code path writes: a purged process (a
-- tombstone) is never updated again, no process is added to an erased dossier, and no zip is stored for a
-- purged process. Returning NULL skips the row without an error, so a late notification, a sync or a poll
-- simply stores nothing.
CREATE FUNCTION "processes_keep_tombstones"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."purged_at" IS NOT NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' AND EXISTS (
    SELECT 1 FROM "dossier_erasures" e WHERE e."dossier_id" = NEW."dossier_id" AND e."state" = 'erased'
  ) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "processes_keep_tombstones" BEFORE INSERT OR UPDATE ON "processes"
  FOR EACH ROW EXECUTE FUNCTION "processes_keep_tombstones"();
--> statement-breakpoint
CREATE FUNCTION "process_results_not_for_tombstones"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "processes" p WHERE p."process_id" = NEW."process_id" AND p."purged_at" IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "process_results_not_for_tombstones" BEFORE INSERT OR UPDATE ON "process_results"
  FOR EACH ROW EXECUTE FUNCTION "process_results_not_for_tombstones"();
