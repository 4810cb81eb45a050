-- The inbox is a queue: each notification's row is written five times (received, claimed, moved to the
-- result stage, claimed again, done), and no update is HOT (`state` decides which indexes hold the row).
-- Done rows stay for INBOX_RETENTION_DAYS, so with PostgreSQL's default (vacuum when a fifth of the table
-- is dead) a table holding a few million done rows would wait hours between vacuums, while every claim of
-- a lane walks past the dead entries at the head of webhook_inbox_due_idx (2.8 ms a claim after a burst
-- of 30,000 notifications on a server that never vacuumed, bench/webhooks.ts). Vacuumed and analyzed
-- after every 10,000 dead or changed rows instead, whatever the table's size, at full speed.
ALTER TABLE "webhook_inbox" SET (
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 10000,
  autovacuum_analyze_scale_factor = 0,
  autovacuum_analyze_threshold = 10000,
  autovacuum_vacuum_cost_delay = 0
);
