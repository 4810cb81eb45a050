/** The p-th percentile (nearest rank) of `values`; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Latencies grouped by when they were sent, so that a target meant "throughout" a run is checked in its
 * worst window, not only over the whole run (where a bad 10 seconds hides in 60 good ones).
 */
export function createWindows(windowMs: number) {
  const windows: number[][] = [];
  return {
    add(sentAtMs: number, latencyMs: number) {
      (windows[Math.floor(sentAtMs / windowMs)] ??= []).push(latencyMs);
    },
    /** The highest p-th percentile of any window that has samples. */
    worst(p: number): number {
      const values = windows.filter((w) => w.length > 0).map((w) => percentile(w, p));
      return values.length > 0 ? Math.max(...values) : Number.NaN;
    },
  };
}

/**
 * The load generator's CPU between two snapshots (bench/support/cpu-accounting.ts): cores it kept busy
 * over the wall time, and its share of all the CPU the machine used meanwhile (what it took from the server).
 */
export function generatorUse(before: Record<string, number>, after: Record<string, number>, wallMs: number) {
  const own = (after["load generator"] ?? 0) - (before["load generator"] ?? 0);
  const machine = (after.machine ?? 0) - (before.machine ?? 0);
  return { generatorCores: own / wallMs, generatorShare: machine > 0 ? own / machine : Number.NaN };
}
