CREATE TABLE "process_presence" (
	"tab_id" text PRIMARY KEY NOT NULL,
	"staff_user_id" text NOT NULL,
	"process_id" text NOT NULL,
	"mode" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "process_presence" ADD CONSTRAINT "process_presence_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_presence_process_idx" ON "process_presence" USING btree ("process_id","seen_at");