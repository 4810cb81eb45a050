import { performance } from "node:perf_hooks";
import type { Db } from "../../db/client";
import type { AssureClient } from "../assure/client";
import { drainInbox, type InboxWorkerOptions } from "./inbox-worker";

export interface InboxPump {
  /** Something was stored: make sure a drain runs (or runs once more) soon. Never throws. */
  nudge(): void;
  /** Resolves when no drain is running (tests, shutdown). */
  idle(): Promise<void>;
}

export interface InboxPumpOptions extends Omit<InboxWorkerOptions, "concurrency"> {
  /** Most rows in flight; the pump goes lower while the event loop is busy (see `adapt`). */
  maxConcurrency?: number;
  minConcurrency?: number;
  log?: (line: string) => void;
}

/** Enough rows in flight to keep up with a few hundred notifications a second while Assure takes ~100 ms. */
const DEFAULTS = { maxConcurrency: 128, minConcurrency: 4, batchSize: 32 };
/** Above this share of busy event loop, acknowledgements start to queue behind processing: back off. */
const BUSY = 0.8;
const CALM = 0.5;
const ADAPT_EVERY_MS = 200;

/**
 * One drain at a time per process, however many notifications arrive: a nudge during a drain only asks
 * for another pass when it ends. (A drain per request cost a claim query per notification and let
 * hundreds of drains compete for the same rows.)
 *
 * The pump shares its process with the webhook route. Acknowledging is what must stay fast — the inbox
 * exists so that processing may lag — so the number of rows in flight follows the event loop's
 * utilisation: cut by a third when the loop is busy, raised step by step when it is calm.
 */
export function createInboxPump(db: Db, assure: () => AssureClient, options: InboxPumpOptions = {}): InboxPump {
  const { maxConcurrency, minConcurrency, log = (line: string) => console.error(line), ...workerOptions } = { ...DEFAULTS, ...options };
  let running: Promise<void> | undefined;
  let again = false;
  let concurrency = maxConcurrency;
  let last = performance.eventLoopUtilization();
  let lastAt = performance.now();

  const adapt = () => {
    const now = performance.now();
    if (now - lastAt < ADAPT_EVERY_MS) return concurrency;
    const current = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(current, last).utilization;
    last = current;
    lastAt = now;
    if (busy > BUSY) concurrency = Math.max(minConcurrency, Math.floor((concurrency * 2) / 3));
    else if (busy < CALM) concurrency = Math.min(maxConcurrency, concurrency + 8);
    return concurrency;
  };

  const run = async () => {
    try {
      while (again) {
        again = false;
        await drainInbox(db, assure(), { ...workerOptions, concurrency: adapt });
      }
    } catch (error) {
      // The rows stay in the inbox: the periodic sweep retries them. Nothing personal is in this message.
      log(`[webhook] processing the inbox failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // In the same turn as the last check of `again`, so a nudge is never lost between the two.
      running = undefined;
    }
  };

  return {
    nudge() {
      again = true;
      running ??= run();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

const globalForPump = globalThis as unknown as { deskInboxPump?: InboxPump };

/** The process's one pump (kept on globalThis so that the dev server's reloads do not start a second). */
export function getInboxPump(db: Db, assure: () => AssureClient): InboxPump {
  globalForPump.deskInboxPump ??= createInboxPump(db, assure);
  return globalForPump.deskInboxPump;
}
