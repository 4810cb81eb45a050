import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import type { DeskEvent } from "./event-kinds";

/** The one channel desk events travel on between instances (PostgreSQL NOTIFY; PGlite's own listen). */
export const DESK_EVENT_CHANNEL = "desk_events";

/** An event as written by the change's transaction: no id yet (each listening instance numbers what it hears). */
export type PublishedEvent = Omit<DeskEvent, "id" | "at">;

/** The compact form sent on the channel: short keys keep the payload far below NOTIFY's 8000 bytes. */
export interface WireEvent {
  k: DeskEvent["kind"];
  p?: string;
  d?: string;
  s?: string;
  f?: string;
  n?: 1;
  t: number;
}

export function toWire(event: PublishedEvent, at: number = Date.now()): WireEvent {
  return {
    k: event.kind,
    ...(event.processId ? { p: event.processId } : {}),
    ...(event.dossierId ? { d: event.dossierId } : {}),
    ...(event.status ? { s: event.status } : {}),
    ...(event.previousStatus ? { f: event.previousStatus } : {}),
    ...(event.created ? { n: 1 as const } : {}),
    t: at,
  };
}

/**
 * Inside the change's transaction: NOTIFY is delivered at commit (never for a rolled-back change) to every
 * listening instance, the writer's own included. One statement on the connection the transaction already
 * holds: the write does not wait for any reader.
 */
export async function publishDeskEvent(tx: Db | Tx, event: PublishedEvent): Promise<void> {
  await tx.execute(sql`select ${deskEventNotify(event)}`);
}

/**
 * The same NOTIFY as an expression, for a statement that publishes its own change (in its RETURNING, say)
 * and so saves the round trip of a statement of its own.
 */
export function deskEventNotify(event: PublishedEvent): SQL {
  return sql`pg_notify(${DESK_EVENT_CHANNEL}, ${JSON.stringify(toWire(event))})`;
}
