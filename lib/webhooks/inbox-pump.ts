import "server-only";
import { AsyncResource } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type { Database, Db } from "../../db/client";
import type { AssureClient } from "../assure/client";
import { drainInbox, type InboxWorkerOptions } from "./inbox-worker";
import { openPumpDatabase } from "./pump-database";

export interface InboxPump {
  /**
   * Something was stored: make sure a drain runs (or runs once more) soon. Never throws. A notification
   * wakes the status lane; "all" wakes the result lane too (a poll, rows deferred by another instance).
   */
  nudge(lanes?: "status" | "all"): void;
  /** Resolves when no drain is running (tests, shutdown). */
  idle(): Promise<void>;
}

export interface InboxPumpOptions extends Omit<InboxWorkerOptions, "concurrency" | "stage" | "deferResults" | "onDeferred"> {
  /** Most rows in flight in the status lane; it goes lower while the event loop is busy (see `adapt`). */
  maxConcurrency?: number;
  minConcurrency?: number;
  /** Most zips downloading at once: each may be tens of megabytes held in memory until stored. */
  maxResultConcurrency?: number;
  log?: (line: string) => void;
}

/**
 * Rows in flight: each waits on Assure most of its time (~100 ms plus queueing), so 256 in flight serve
 * ~500 notifications a second. The event-loop adaptation may narrow the status lane to 160, never below:
 * narrower, a server taking 500 notifications/s stored fewer statuses than arrived and the backlog grew
 * (cut to 4, as it once could be: an 8-second backlog; to 96: p95 2.3 s; at 160: 1.6 s — bench/webhooks.ts).
 * The price is slower acknowledgements under such load (p99 ~0.7 s); a deployment at that rate runs
 * `npm run worker`, whose lane stays at full width and whose web servers answer in ~25 ms.
 */
const DEFAULTS = { maxConcurrency: 256, minConcurrency: 160, maxResultConcurrency: 16, batchSize: 32 };
/** Above this share of busy event loop, acknowledgements start to queue behind processing: back off. */
const BUSY = 0.8;
const CALM = 0.5;
const ADAPT_EVERY_MS = 200;
/** A full claim by the status lane counts as a backlog for this long. */
const BACKLOG_MEMORY_MS = 500;

interface Lane {
  nudge(): void;
  idle(): Promise<void>;
}

/**
 * One drain at a time per lane, however many nudges arrive: a nudge during a drain wakes it to claim the
 * new rows (or asks for another pass when it ends).
 */
function createLane(drain: (arrivals: () => Promise<void>) => Promise<unknown>, log: (line: string) => void): Lane {
  let running: Promise<void> | undefined;
  let again = false;
  let arrived = signal();

  const run = async () => {
    try {
      while (again) {
        again = false;
        await drain(() => arrived.promise);
      }
    } catch (error) {
      // The rows stay in the inbox: the periodic sweep retries them. Nothing personal is in this message.
      log(`[webhook] processing the inbox failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // In the same turn as the last check of `again`, so a nudge is never lost between the two.
      running = undefined;
    }
  };

  // The loop runs in the async context the pump was made in (at server start, see in-process-worker.ts),
  // not in that of the request whose nudge started it: Next.js keeps per-request state in
  // AsyncLocalStorage, and a loop started inside a request would carry that request along for good.
  const start = AsyncResource.bind(run);

  return {
    nudge() {
      again = true;
      arrived.resolve();
      arrived = signal();
      running ??= start();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

/**
 * Two lanes over the inbox: the status lane reads each notified process and stores it, and moves a final
 * one to the result stage; the result lane downloads those zips, a few at a time. So a burst of
 * notifications, or one 20 MB zip, never holds back the statuses reviewers are waiting for.
 *
 * Statuses come first: while the status lane finds full batches due, the result lane runs one zip at a time.
 * The pump shares its process with the webhook route. Acknowledging is what must stay fast — the inbox
 * exists so that processing may lag — so the rows in flight follow the event loop's utilisation: when the
 * loop is busy the result lane is cut first, then the status lane; when it is calm both grow step by step.
 */
export function createInboxPump(db: Db, assure: () => AssureClient, options: InboxPumpOptions = {}): InboxPump {
  const { maxConcurrency, minConcurrency: requestedMin, maxResultConcurrency, log = (line: string) => console.error(line), ...workerOptions } = {
    ...DEFAULTS,
    ...options,
  };
  // A caller that lowers the most (tests, a small worker) lowers the least with it.
  const minConcurrency = Math.min(requestedMin, maxConcurrency);
  let statusWidth = maxConcurrency;
  let resultWidth = maxResultConcurrency;
  /** When a claim of the status lane last came back full (at least as many due as it asked for): statuses are behind. */
  let statusBacklogAt = Number.NEGATIVE_INFINITY;
  const statusesBehind = () => performance.now() - statusBacklogAt < BACKLOG_MEMORY_MS;
  let last = performance.eventLoopUtilization();
  let lastAt = performance.now();

  const adapt = () => {
    const now = performance.now();
    if (now - lastAt < ADAPT_EVERY_MS) return;
    const current = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(current, last).utilization;
    last = current;
    lastAt = now;
    if (busy > BUSY) {
      if (resultWidth > 1) resultWidth = Math.max(1, Math.floor(resultWidth / 2));
      else statusWidth = Math.max(minConcurrency, Math.floor((statusWidth * 2) / 3));
    } else if (busy < CALM) {
      statusWidth = Math.min(maxConcurrency, statusWidth + 8);
      resultWidth = Math.min(maxResultConcurrency, resultWidth + 1);
    }
  };

  const results: Lane = createLane(
    (arrivals) =>
      drainInbox(db, assure(), {
        ...workerOptions,
        stage: "result",
        maxRounds: Number.POSITIVE_INFINITY,
        // While statuses are behind, zips trickle (one at a time) and leave the cores to them.
        concurrency: () => (adapt(), statusesBehind() ? 1 : resultWidth),
        arrivals,
      }),
    log,
  );
  const statuses: Lane = createLane(
    (arrivals) =>
      drainInbox(db, assure(), {
        ...workerOptions,
        stage: "status",
        maxRounds: Number.POSITIVE_INFINITY,
        deferResults: true,
        onDeferred: () => results.nudge(),
        onClaim: (claimed, wanted) => {
          if (claimed === wanted) statusBacklogAt = performance.now();
        },
        concurrency: () => (adapt(), statusWidth),
        arrivals,
      }),
    log,
  );

  return {
    nudge(lanes = "status") {
      statuses.nudge();
      if (lanes === "all") results.nudge();
    },
    idle: async () => {
      // Statuses first: their drain is what nudges the result lane.
      await statuses.idle();
      await results.idle();
    },
  };
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const globalForPump = globalThis as unknown as { deskInboxPump?: Promise<InboxPump> };

/** Connections of the pump's own pool: rows wait on Assure most of their time, so a few serve many. */
const PUMP_POOL_SIZE = 6;

/**
 * The process's one pump (kept on globalThis so that the dev server's reloads do not start a second).
 * On PostgreSQL it has a small pool of its own (pump-database.ts: it also commits asynchronously): a
 * hundred rows in flight must never queue in front of the webhook's INSERT or a page's query in the shared
 * pool (measured in bench/webhooks.ts: while the pump shared the pool, acknowledgements at 150/s waited
 * seconds for a connection). PGlite is one connection.
 */
export function getInboxPump(database: Database, assure: () => AssureClient): Promise<InboxPump> {
  globalForPump.deskInboxPump ??= (async () => {
    const own = await openPumpDatabase(database, PUMP_POOL_SIZE);
    return createInboxPump(own.db, assure);
  })();
  return globalForPump.deskInboxPump;
}
