import type postgres from "postgres";
import type { Db, Tx } from "./client";

/**
 * The postgres.js client a handle runs on (a transaction's own inside one), for what drizzle does not offer
 * (COPY, rows one at a time); null on PGlite. This reaches past drizzle's public API to its session: the one
 * place that does, to re-check when drizzle is upgraded.
 */
export function postgresJsOf(db: Db | Tx): ReturnType<typeof postgres> | null {
  const client = (db._.session as unknown as { client?: unknown }).client;
  return typeof client === "function" && typeof (client as { unsafe?: unknown }).unsafe === "function" ? (client as ReturnType<typeof postgres>) : null;
}
