import "server-only";
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { inboxState, webhookInbox } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { parseInput } from "../parse-input";

export const INBOX_STATES = inboxState.enumValues;
export type InboxState = (typeof INBOX_STATES)[number];

/** Done rows pile up (until INBOX_RETENTION_DAYS deletes them); counting them exactly on every view would grow with them. */
export const DONE_COUNT_CAP = 10_000;

export const InboxQuery = z.object({
  state: z.enum(INBOX_STATES).optional(),
  /** The id of the last row of the previous page (rows are newest first). */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxQueryInput = z.input<typeof InboxQuery>;

export interface InboxRowView {
  id: number;
  receivedAt: Date;
  dossierId: string;
  processId: string;
  hintedStatus: string | null;
  state: InboxState;
  /** `status`: the process is still to be read; `result`: it is stored, its zip still to be downloaded. */
  stage: "status" | "result";
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  doneAt: Date | null;
  lastError: string | null;
}

export interface InboxCounts {
  /** Exact for every state but `done`, which stops at DONE_COUNT_CAP (`doneCapped` says so). */
  byState: Record<InboxState, number>;
  doneCapped: boolean;
}

export interface InboxPage {
  counts: InboxCounts;
  rows: InboxRowView[];
  nextCursor: number | null;
}

/** Inbox rows newest first, optionally of one state, with a count per state. */
export async function listInbox(ctx: Ctx, input: InboxQueryInput = {}): Promise<InboxPage> {
  requireCapability(ctx, "desk.admin");
  const { db } = ctx;
  const { state, cursor, limit } = parseInput(InboxQuery, input, "Not an inbox query");

  const where: SQL[] = [];
  if (state) where.push(eq(webhookInbox.state, state));
  if (cursor) where.push(lt(webhookInbox.id, cursor));
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: webhookInbox.id,
        receivedAt: webhookInbox.receivedAt,
        dossierId: webhookInbox.dossierId,
        processId: webhookInbox.processId,
        hintedStatus: webhookInbox.hintedStatus,
        state: webhookInbox.state,
        stage: webhookInbox.stage,
        attempts: webhookInbox.attempts,
        nextAttemptAt: webhookInbox.nextAttemptAt,
        lockedUntil: webhookInbox.lockedUntil,
        doneAt: webhookInbox.doneAt,
        lastError: webhookInbox.lastError,
      })
      .from(webhookInbox)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(webhookInbox.id))
      .limit(limit + 1),
    countInboxStates(db),
  ]);
  const page = rows.slice(0, limit);
  return { counts, rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** One index range per state (webhook_inbox_state_idx); `done` counted up to the cap. */
export async function countInboxStates(db: Db): Promise<InboxCounts> {
  const capped = db
    .select({ one: sql`1`.as("one") })
    .from(webhookInbox)
    .where(eq(webhookInbox.state, "done"))
    .limit(DONE_COUNT_CAP)
    .as("capped");
  const [grouped, [done]] = await Promise.all([
    db
      .select({ state: webhookInbox.state, n: sql<number>`count(*)::int` })
      .from(webhookInbox)
      .where(inArray(webhookInbox.state, ["received", "processing", "failed", "dead"]))
      .groupBy(webhookInbox.state),
    db.select({ n: sql<number>`count(*)::int` }).from(capped),
  ]);
  const byState = Object.fromEntries(INBOX_STATES.map((s) => [s, 0])) as Record<InboxState, number>;
  for (const row of grouped) byState[row.state] = Number(row.n);
  byState.done = Number(done?.n ?? 0);
  return { byState, doneCapped: byState.done >= DONE_COUNT_CAP };
}
