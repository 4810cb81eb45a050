-- Counts were kept per account and per address; they are now kept per (account, address) pair and per
-- address, keyed differently. The old rows are only recent failures: dropping them forgets nothing lasting.
DELETE FROM "sign_in_throttle";--> statement-breakpoint
ALTER TABLE "sign_in_throttle" ADD COLUMN "staff_user_id" text;--> statement-breakpoint
ALTER TABLE "sign_in_throttle" ADD COLUMN "address" text;
