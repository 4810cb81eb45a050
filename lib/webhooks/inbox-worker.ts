import { and, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookInbox } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { AssureApiError, AssureError } from "../assure/errors";
import { InvalidInput } from "../errors";
import { refreshProcess } from "../processes/refresh-process";

export interface InboxWorkerOptions {
  /** Rows claimed per round. */
  batchSize?: number;
  /** A claimed row not finished within this is taken again by any worker (its worker died). */
  lockSeconds?: number;
  /** Attempts before a row is dead-lettered. */
  maxAttempts?: number;
  /** First retry after about this long; doubles per attempt, with jitter, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface DrainSummary {
  claimed: number;
  done: number;
  failed: number;
  dead: number;
}

const DEFAULTS = { batchSize: 20, lockSeconds: 60, maxAttempts: 10, baseDelayMs: 2_000, maxDelayMs: 10 * 60_000 };

type ClaimedRow = Pick<typeof webhookInbox.$inferSelect, "id" | "dossierId" | "processId" | "attempts">;

/**
 * Claims due rows: new ones, failed ones whose back-off is over, and ones whose worker died while
 * holding them. `FOR UPDATE SKIP LOCKED` lets several workers on one database claim disjoint rows.
 */
export async function claimInboxRows(db: Db, batchSize: number, lockSeconds: number): Promise<ClaimedRow[]> {
  const due = db
    .select({ id: webhookInbox.id })
    .from(webhookInbox)
    .where(
      or(
        and(inArray(webhookInbox.state, ["received", "failed"]), lte(webhookInbox.nextAttemptAt, sql`now()`)),
        and(eq(webhookInbox.state, "processing"), lt(webhookInbox.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(webhookInbox.nextAttemptAt)
    .limit(batchSize)
    .for("update", { skipLocked: true });
  return db
    .update(webhookInbox)
    .set({
      state: "processing",
      attempts: sql`${webhookInbox.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${lockSeconds})`,
    })
    .where(inArray(webhookInbox.id, due))
    .returning({
      id: webhookInbox.id,
      dossierId: webhookInbox.dossierId,
      processId: webhookInbox.processId,
      attempts: webhookInbox.attempts,
    });
}

/** What a person reading the inbox needs to know; no tokens or personal data (errors carry neither). */
function describeError(error: unknown): string {
  if (error instanceof AssureApiError) return `Assure answered ${error.status}: ${error.message}`.slice(0, 500);
  if (error instanceof AssureError || error instanceof InvalidInput) return error.message.slice(0, 500);
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
}

export function retryDelayMs(attempt: number, options: Required<Pick<InboxWorkerOptions, "baseDelayMs" | "maxDelayMs" | "random">>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}

async function settle(db: Db, id: number, patch: Partial<typeof webhookInbox.$inferInsert>) {
  await db.update(webhookInbox).set(patch).where(eq(webhookInbox.id, id));
}

export async function processClaimedRow(db: Db, assure: AssureClient, row: ClaimedRow, options: InboxWorkerOptions = {}) {
  const settings = { ...DEFAULTS, random: Math.random, ...options };
  try {
    await refreshProcess(db, assure, row.dossierId, row.processId);
    await settle(db, row.id, { state: "done", doneAt: sql`now()` as unknown as Date, lockedUntil: null, lastError: null });
    return "done" as const;
  } catch (error) {
    const lastError = describeError(error);
    if (row.attempts >= settings.maxAttempts) {
      await settle(db, row.id, { state: "dead", lockedUntil: null, lastError });
      return "dead" as const;
    }
    const delay = retryDelayMs(row.attempts, settings);
    await settle(db, row.id, {
      state: "failed",
      lockedUntil: null,
      lastError,
      nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})` as unknown as Date,
    });
    return "failed" as const;
  }
}

/** Processes due rows until none is left (or `maxRounds`); safe to run in several processes at once. */
export async function drainInbox(db: Db, assure: AssureClient, options: InboxWorkerOptions & { maxRounds?: number } = {}): Promise<DrainSummary> {
  const settings = { ...DEFAULTS, ...options };
  const summary: DrainSummary = { claimed: 0, done: 0, failed: 0, dead: 0 };
  for (let round = 0; round < (options.maxRounds ?? 1_000); round++) {
    const rows = await claimInboxRows(db, settings.batchSize, settings.lockSeconds);
    if (rows.length === 0) break;
    summary.claimed += rows.length;
    const outcomes = await Promise.all(rows.map((row) => processClaimedRow(db, assure, row, options)));
    for (const outcome of outcomes) summary[outcome] += 1;
  }
  return summary;
}
