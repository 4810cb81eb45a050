-- A tab's presence reports are numbered. Its heartbeat and its goodbye are separate requests and can reach
-- the server in either order: a heartbeat sent just before the tab closed, handled after the goodbye, put
-- the tab back for a minute (the presence TTL) after it had gone. Each report now carries the tab's count,
-- the row keeps the last one applied, and an older report is dropped (lib/presence/presence.ts). Rows of
-- tabs that never number their reports (a page loaded before this change) keep 0 and are applied as before.
ALTER TABLE "process_presence" ADD COLUMN "seq" integer DEFAULT 0 NOT NULL;
