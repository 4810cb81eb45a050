CREATE TABLE "process_result_refusals" (
	"process_id" text PRIMARY KEY NOT NULL,
	"limit_bytes" bigint NOT NULL,
	"declared_bytes" bigint,
	"refused_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "staff_users_sso_subject_idx";--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "sso_issuer" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "sso_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "process_result_refusals" ADD CONSTRAINT "process_result_refusals_process_id_processes_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("process_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_sso_identity_idx" ON "staff_users" USING btree ("sso_issuer","sso_subject") WHERE "staff_users"."sso_subject" is not null;--> statement-breakpoint
-- Accounts already linked to an SSO login keep it: linking them was allowed before this setting existed.
UPDATE "staff_users" SET "sso_allowed" = true WHERE "sso_subject" IS NOT NULL;
