ALTER TABLE "staff_users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "list_density" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "color_scheme" text;