/** Holds the calling thread for `ms` (a synchronous loop), as a CPU-heavy step would. */
export function burnCpu(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin: the point is to hold this thread
  }
}
