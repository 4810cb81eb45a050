import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";

/**
 * Every instance keeps unpacked results (pictures included) in memory. When a result is purged or erased,
 * each instance must forget it at once: the purge's transaction sends the process ids on a channel of its
 * own (PostgreSQL NOTIFY, delivered at commit to every listening instance, see lib/server/instance-listener.ts),
 * and the instance that purged forgets them itself after the commit (the only one on PGlite).
 */
export const RESULT_FORGET_CHANNEL = "desk_result_forget";

/** NOTIFY payloads are limited to 8000 bytes. */
const PAYLOAD_LIMIT = 7_500;

type Forgetter = (processIds: readonly string[]) => void;

const globalForForget = globalThis as unknown as { deskResultForgetters?: Set<Forgetter> };

function forgetters(): Set<Forgetter> {
  globalForForget.deskResultForgetters ??= new Set();
  return globalForForget.deskResultForgetters;
}

/** A cache registers here to hear which results to drop; returns the unsubscribe function. */
export function onResultsForgotten(forget: Forgetter): () => void {
  forgetters().add(forget);
  return () => forgetters().delete(forget);
}

/** Drops these results from every cache of this process. */
export function forgetResultsLocally(processIds: readonly string[]): void {
  if (processIds.length === 0) return;
  for (const forget of forgetters()) forget(processIds);
}

/** Splits the ids into payloads under NOTIFY's limit. */
export function forgetPayloads(processIds: readonly string[]): string[] {
  const payloads: string[] = [];
  let current = "";
  for (const id of processIds) {
    if (current && current.length + id.length + 1 > PAYLOAD_LIMIT) {
      payloads.push(current);
      current = "";
    }
    current = current ? `${current},${id}` : id;
  }
  if (current) payloads.push(current);
  return payloads;
}

/** Inside the purging transaction: tells every instance, at commit, to forget these results. */
export async function announceForgottenResults(tx: Db | Tx, processIds: readonly string[]): Promise<void> {
  for (const payload of forgetPayloads(processIds)) {
    await tx.execute(sql`select pg_notify(${RESULT_FORGET_CHANNEL}, ${payload})`);
  }
}
