/**
 * Retry timing shared by the token source and the API requests: jittered exponential backoff, Retry-After
 * honoured up to a cap. Which failures may be retried is decided by the caller (see http.ts).
 */

export interface RetryTiming {
  /** Backoff before the first retry is between half and all of this. */
  baseDelayMs: number;
  /** Backoff never grows beyond this. */
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to this. */
  retryAfterMaxMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: Error; retryable: boolean; retryAfterMs?: number };

/**
 * Runs `attempt` (numbered from 1) until it succeeds, fails in a way that may not be retried, or has been
 * tried `1 + maxRetries` times; then throws the last error. An exception thrown by `attempt` is not retried.
 */
export async function withRetries<T>(
  maxRetries: number,
  timing: RetryTiming,
  attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>,
): Promise<T> {
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome.ok) return outcome.value;
    if (!outcome.retryable || n > maxRetries) throw outcome.error;
    const delay =
      outcome.retryAfterMs !== undefined
        ? Math.min(outcome.retryAfterMs, timing.retryAfterMaxMs)
        : backoffDelay(n, timing);
    await timing.sleep(delay);
  }
}

/** "Equal jitter": half the exponential step fixed, half random, so retries spread but never bunch at 0. */
export function backoffDelay(
  failedAttempts: number,
  timing: Pick<RetryTiming, "baseDelayMs" | "maxDelayMs" | "random">,
): number {
  const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.round(ceiling / 2 + (timing.random() * ceiling) / 2);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
