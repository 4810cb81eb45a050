/**
 * Delivers notifications: POST with the process's authorizationHeader, retried with exponential backoff on
 * a non-2xx answer, a network error or a time-out, until the deadline. Injected faults (drop, duplicate,
 * delay, reorder) act before the first attempt, as a flaky sender would.
 */
import type { SimulatorConfig } from "../config";
import type { NotificationFaults } from "../control/faults";
import type { Stats } from "../control/stats";
import type { Rng } from "../people/prng";

export interface Notification {
  url: string;
  authorization?: string;
  body: unknown;
  /** Epoch ms after which delivery is given up. */
  deadline: number;
}

interface Delivery extends Notification {
  attempt: number;
}

export interface NotifierDeps {
  config: () => SimulatorConfig;
  faults: () => NotificationFaults;
  stats: Stats["notifications"];
  rng: Rng;
  log: (line: string) => void;
}

export class Notifier {
  private queue: Delivery[] = [];
  private active = 0;
  private held: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly deps: NotifierDeps) {}

  /** Notifications queued, held, waiting to retry or in flight. */
  get pending(): number {
    return this.queue.length + this.held.length + this.timers.size + this.active;
  }

  send(notification: Notification): void {
    const faults = this.deps.faults();
    const stats = this.deps.stats;
    if (faults.dropRate > 0 && this.deps.rng.chance(faults.dropRate)) {
      stats.dropped += 1;
      return;
    }
    const copies = faults.duplicateRate > 0 && this.deps.rng.chance(faults.duplicateRate) ? 2 : 1;
    if (copies === 2) stats.duplicated += 1;
    for (let i = 0; i < copies; i++) {
      const delivery = { ...notification, attempt: 0 };
      if (faults.delayMs > 0) this.later(faults.delayMs, () => this.hold(delivery));
      else this.hold(delivery);
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.queue = [];
    this.held = [];
  }

  /** Drops everything not yet delivered (control API reset). */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue = [];
    this.held = [];
  }

  private hold(delivery: Delivery): void {
    const faults = this.deps.faults();
    if (!faults.reorder) return this.enqueue(delivery);
    this.held.push(delivery);
    if (this.held.length === 1) {
      this.later(faults.reorderWindowMs, () => {
        const batch = this.held.reverse();
        this.held = [];
        batch.forEach((d) => this.enqueue(d));
      });
    }
  }

  private enqueue(delivery: Delivery): void {
    if (this.closed) return;
    this.queue.push(delivery);
    this.pump();
  }

  private pump(): void {
    const limit = this.deps.config().notify.concurrency;
    while (this.active < limit && this.queue.length > 0) {
      const delivery = this.queue.shift();
      if (delivery) void this.attempt(delivery);
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { notify } = this.deps.config();
    const stats = this.deps.stats;
    this.active += 1;
    stats.attempts += 1;
    if (delivery.attempt > 0) stats.retries += 1;
    delivery.attempt += 1;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), notify.timeoutMs);
    let delivered = false;
    let outcome = "";
    try {
      const res = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(delivery.authorization ? { authorization: delivery.authorization } : {}),
        },
        body: JSON.stringify(delivery.body),
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      delivered = res.status >= 200 && res.status < 300;
      outcome = `answered ${res.status}`;
    } catch (error) {
      outcome = controller.signal.aborted ? "timed out" : `failed (${(error as Error).message})`;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
      this.active -= 1;
    }
    if (this.closed) return;
    if (delivered) stats.sent += 1;
    else this.retryOrGiveUp(delivery, outcome);
    this.pump();
  }

  private retryOrGiveUp(delivery: Delivery, outcome: string): void {
    const { notify } = this.deps.config();
    const backoff = Math.min(notify.backoffMaxMs, notify.backoffBaseMs * 2 ** (delivery.attempt - 1));
    if (Date.now() + backoff > delivery.deadline) {
      this.deps.stats.failed += 1;
      this.deps.log(`notification to ${delivery.url} given up after ${delivery.attempt} attempts: ${outcome}`);
      return;
    }
    this.later(backoff, () => this.enqueue(delivery));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }
}
