import "server-only";
import { and, eq, inArray, lt, lte, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { webhookInbox } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import { AssureApiError, AssureError } from "../assure/errors";
import { InvalidInput } from "../errors";
import { refreshStatus, storeResult, type ContentsWriter, type ProcessWriter } from "../processes/refresh-process";
import { fillLookupFromResults } from "../processes/lookup-from-result";
import { storeResultContentsOf, type StoredContents } from "../processes/result-contents";
import { upsertProcess, upsertProcesses, type UpsertProcessInput, type UpsertProcessResult } from "../processes/upsert-process";
import { createBatcher, createWriteBatcher } from "../batching/batcher";

export interface InboxWorkerOptions {
  /** Rows claimed per round. */
  batchSize?: number;
  /**
   * Rows processed at once by one drain (each waits on Assure most of its time); a function is asked
   * again before each claim, so that a caller can lower it while the process is busy with other work.
   */
  concurrency?: number | (() => number);
  /**
   * Resolves when new rows may have arrived (the pump's nudge). A drain waiting for its rows in flight
   * then looks again at once instead of after the slowest of them.
   */
  arrivals?: () => Promise<void>;
  /** A claimed row not finished within this is taken again (its worker died: `releaseExpiredClaims`). */
  lockSeconds?: number;
  /** Attempts before a row is dead-lettered. */
  maxAttempts?: number;
  /** First retry after about this long; doubles per attempt, with jitter, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  /** Claim only rows at this stage (a lane of the pump); both when absent (tests). */
  stage?: InboxStage;
  /**
   * A row whose process turned out final with a full result moves to the `result` stage (for the result
   * lane) instead of downloading the zip in this drain; `onDeferred` hears of each.
   */
  deferResults?: boolean;
  onDeferred?: () => void;
  /**
   * What the result stage keeps of a zip besides the zip itself: `findings` (the default: the findings and
   * the look-up columns, lib/processes/result-contents.ts) or `lookup-only`, the stage without findings, which
   * bench/pump.ts runs beside it to measure what the findings cost.
   */
  resultContents?: ResultContents;
  /** Hears each claim: how many rows it asked for and how many were due (a full claim means a backlog). */
  onClaim?: (claimed: number, wanted: number) => void;
}

export type InboxStage = (typeof webhookInbox.$inferSelect)["stage"];

export type ResultContents = "findings" | "lookup-only";

export interface DrainSummary {
  claimed: number;
  done: number;
  deferred: number;
  failed: number;
  dead: number;
}

const DEFAULTS = { batchSize: 20, concurrency: 20, lockSeconds: 60, maxAttempts: 10, baseDelayMs: 2_000, maxDelayMs: 10 * 60_000 };

/** After a nudge, a waiting drain claims this much later, so that arrivals close together share a claim. */
const ARRIVAL_BATCH_MS = 10;

/** `last_error` keeps the earlier errors (and replays) under the newest, up to this many characters. */
export const ERROR_HISTORY_CHARS = 2_000;

type ClaimedRow = Pick<typeof webhookInbox.$inferSelect, "id" | "dossierId" | "processId" | "attempts" | "stage">;

/**
 * Claims due rows: new ones and failed ones whose back-off is over, oldest due first. `FOR UPDATE SKIP
 * LOCKED` lets several workers on one database claim disjoint rows.
 *
 * A lane's claim (one stage) reads `webhook_inbox_due_idx` in order and stops after `batchSize` rows, so a
 * claim costs the same with a backlog of 50,000 rows as with none. Rows whose worker died while holding them
 * are not claimed here: the sweep makes them due again (`releaseExpiredClaims`). Both in one claim (an OR over
 * two indexes) made PostgreSQL fetch and sort the whole backlog on every claim: 5–9 ms a claim at a backlog of
 * a few thousand, 25 ms at 20,000.
 */
export async function claimInboxRows(db: Db, batchSize: number, lockSeconds: number, stage?: InboxStage): Promise<ClaimedRow[]> {
  const dueNow = and(inArray(webhookInbox.state, ["received", "failed"]), lte(webhookInbox.nextAttemptAt, sql`now()`));
  const due = db
    .select({ id: webhookInbox.id })
    .from(webhookInbox)
    .where(stage ? and(eq(webhookInbox.stage, stage), dueNow) : dueNow)
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
      stage: webhookInbox.stage,
    });
}

/** Written into `last_error` of a row taken back from a worker that stopped while holding it. */
export const LOCK_EXPIRED_NOTE = "The worker that claimed this notification stopped before finishing it (its lock expired); it was taken again.";

/**
 * Rows whose worker died while holding them (a claim whose lock ran out) become due again, as failed with a
 * note in their error history, for the lanes of whichever instance claims first; returns how many. The
 * periodic sweep calls this, then nudges its pump. The attempt stays counted: a row that kills its worker
 * every time still ends dead-lettered. Reads `webhook_inbox_state_idx`: the rows being processed, a few
 * hundred at most.
 */
export async function releaseExpiredClaims(db: Db): Promise<number> {
  const released = await db
    .update(webhookInbox)
    .set({ state: "failed", lockedUntil: null, nextAttemptAt: sql`now()`, lastError: withHistory(LOCK_EXPIRED_NOTE) })
    .where(and(eq(webhookInbox.state, "processing"), lt(webhookInbox.lockedUntil, sql`now()`)))
    .returning({ id: webhookInbox.id });
  return released.length;
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

async function settle(db: Db, id: number, patch: InboxPatch) {
  await db.update(webhookInbox).set(patch).where(eq(webhookInbox.id, id));
}

/** The newest error first, then what was there before (earlier attempts, a replay note), bounded. */
function withHistory(lastError: string) {
  return sql`left(${lastError} || coalesce(E'\n' || ${webhookInbox.lastError}, ''), ${ERROR_HISTORY_CHARS})`;
}

// An update's set: column values or SQL (`now()`) computed by the database.
type InboxPatch = PgUpdateSetSource<typeof webhookInbox>;

const DONE: InboxPatch = {
  state: "done",
  doneAt: sql`now()`,
  // Set once, by the stage that stored the status (a row done at the result stage has it already).
  statusStoredAt: sql`coalesce(${webhookInbox.statusStoredAt}, now())`,
  lockedUntil: null,
  lastError: null,
};

/** The status is stored; the zip is due at once, with the result stage's own attempts. */
const TO_RESULT: InboxPatch = {
  stage: "result",
  statusStoredAt: sql`now()`,
  state: "received",
  attempts: 0,
  nextAttemptAt: sql`now()`,
  lockedUntil: null,
  lastError: null,
};

/**
 * Applies one patch to several rows per UPDATE: rows that finish in the same turn of the event loop share
 * one statement. Each caller still waits for the commit, so a row reported done is done.
 */
function createBatchedSettle(db: Db, patch: InboxPatch): (id: number) => Promise<void> {
  return createWriteBatcher(
    async (ids: number[]) => {
      await db.update(webhookInbox).set(patch).where(inArray(webhookInbox.id, ids));
    },
    { maxBatch: 500, maxInFlight: 2 },
  );
}

/** What a drain writes for many rows at once (lib/batching/batcher.ts): stored processes, zips' contents, settled rows. */
interface Writers {
  process: ProcessWriter;
  contents: ContentsWriter;
  done: (id: number) => Promise<void>;
  toResult: (id: number) => Promise<void>;
}

/** The result stage's write of stored zips' contents, for any number of them. */
function contentsOf(db: Db, kind: ResultContents = "findings"): (stored: StoredContents[]) => Promise<void> {
  return kind === "findings" ? (stored) => storeResultContentsOf(db, stored) : async (stored) => void (await fillLookupFromResults(db, stored));
}

/** One at a time: a row processed on its own (a replay, a test). */
function writersOneByOne(db: Db, kind?: ResultContents): Writers {
  const contents = contentsOf(db, kind);
  return {
    process: (input) => upsertProcess(db, input),
    contents: (stored) => contents([stored]),
    done: (id) => settle(db, id, DONE),
    toResult: (id) => settle(db, id, TO_RESULT),
  };
}

/**
 * A drain's writers: the processes its rows in flight read in the same turn are stored by one statement
 * (their desk events in one commit), so are the findings and look-up columns of the zips they stored, and
 * rows finishing together are settled by one UPDATE.
 */
function batchedWriters(db: Db, kind?: ResultContents): Writers {
  const contents = contentsOf(db, kind);
  return {
    process: createBatcher<UpsertProcessInput, UpsertProcessResult>((inputs) => upsertProcesses(db, inputs), { maxBatch: 100, maxInFlight: 2 }),
    contents: createWriteBatcher(contents, { maxBatch: 100, maxInFlight: 2 }),
    done: createBatchedSettle(db, DONE),
    toResult: createBatchedSettle(db, TO_RESULT),
  };
}

/**
 * One row's next step: at the `status` stage the process is read from Assure and stored, then, when it
 * is final with a full result, the zip is fetched now or (with `deferResults`) left to the result stage.
 */
export async function processClaimedRow(
  db: Db,
  assure: AssureClient,
  row: ClaimedRow,
  options: InboxWorkerOptions = {},
  writers: Writers = writersOneByOne(db, options.resultContents),
): Promise<"done" | "deferred" | "failed" | "dead"> {
  const settings = { ...DEFAULTS, random: Math.random, ...options };
  try {
    if (row.stage === "status") {
      const { hasResult } = await refreshStatus(db, assure, row.dossierId, row.processId, writers.process);
      if (hasResult && options.deferResults) {
        await writers.toResult(row.id);
        options.onDeferred?.();
        return "deferred";
      }
      if (hasResult) await storeResult(db, assure, row.dossierId, row.processId, writers.contents);
    } else {
      await storeResult(db, assure, row.dossierId, row.processId, writers.contents);
    }
    await writers.done(row.id);
    return "done";
  } catch (error) {
    const lastError = describeError(error);
    if (row.attempts >= settings.maxAttempts) {
      await settle(db, row.id, { state: "dead", lockedUntil: null, lastError: withHistory(lastError) });
      return "dead" as const;
    }
    const delay = retryDelayMs(row.attempts, settings);
    await settle(db, row.id, {
      state: "failed",
      lockedUntil: null,
      lastError: withHistory(lastError),
      nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})`,
    });
    return "failed" as const;
  }
}

/**
 * Processes due rows until none is left (or `maxRounds` claims were made); safe to run in several
 * processes at once. Up to `concurrency` rows are in flight: a slot freed is refilled at once, so one slow
 * answer from Assure does not hold up the rows claimed with it. Rows that arrive while it runs are taken too.
 */
export async function drainInbox(db: Db, assure: AssureClient, options: InboxWorkerOptions & { maxRounds?: number } = {}): Promise<DrainSummary> {
  const settings = { ...DEFAULTS, ...options };
  const limit = settings.concurrency;
  const concurrency = () => Math.max(1, typeof limit === "function" ? limit() : limit);
  const maxRounds = options.maxRounds ?? 1_000;
  const summary: DrainSummary = { claimed: 0, done: 0, deferred: 0, failed: 0, dead: 0 };
  const writers = batchedWriters(db, options.resultContents);
  const inFlight = new Set<Promise<void>>();
  let rounds = 0;
  /** A claim came back short: nothing more is due until the rows in flight are done. */
  let exhausted = false;
  let claimedSinceLook = 0;
  /** The database failed while settling a row (the row is taken again once its lock expires). */
  let failure: { error: unknown } | undefined;

  for (;;) {
    const width = concurrency();
    const slots = width - inFlight.size;
    // Claim when a good share of the slots is free (or none is in flight), not for every row that
    // finishes: a claim per row cost a query per row and used up `maxRounds` a row at a time.
    const worthAClaim = inFlight.size === 0 || slots >= Math.min(settings.batchSize, Math.ceil(width / 4));
    if (!failure && !exhausted && rounds < maxRounds && slots > 0 && worthAClaim) {
      const wanted = Math.min(settings.batchSize, slots);
      const rows = await claimInboxRows(db, wanted, settings.lockSeconds, options.stage);
      options.onClaim?.(rows.length, wanted);
      rounds += 1;
      summary.claimed += rows.length;
      claimedSinceLook += rows.length;
      if (rows.length < wanted) exhausted = true;
      for (const row of rows) {
        const work: Promise<void> = processClaimedRow(db, assure, row, options, writers)
          .then(
            (outcome) => {
              summary[outcome] += 1;
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => inFlight.delete(work));
        inFlight.add(work);
      }
      continue;
    }
    if (inFlight.size === 0) {
      if (failure) throw failure.error;
      // One more look for rows that arrived meanwhile, unless the last look found none.
      if (rounds >= maxRounds || claimedSinceLook === 0) break;
      exhausted = false;
      claimedSinceLook = 0;
      continue;
    }
    const arrival = exhausted && options.arrivals ? options.arrivals().then(() => "arrival" as const) : undefined;
    if ((await Promise.race<unknown>(arrival ? [...inFlight, arrival] : [...inFlight])) === "arrival") {
      exhausted = false;
      // Let a few more arrive, so that one claim takes them together.
      await new Promise((resolve) => setTimeout(resolve, ARRIVAL_BATCH_MS));
    }
  }
  return summary;
}
