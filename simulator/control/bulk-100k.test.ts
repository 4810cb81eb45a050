/** The simulator holds 100,000 processes: bulk creation, the run to final, and memory stay reasonable. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator, waitFor } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.sim.close());

it("creates and finishes 100,000 processes in reasonable time and memory", async () => {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  const answer = await t.control("POST", "/bulk", { count: 100_000, seed: 2024, delayMs: { min: 0, max: 500 } });
  expect(answer.status).toBe(201);
  expect(answer.body.items).toHaveLength(100_000);
  const stats = await waitFor(async () => {
    const s = (await t.control("GET", "/stats")).body;
    return s.scheduled === 0 && s.byStatus.processing === 0 ? s : undefined;
  }, 50_000);
  // Time is printed, not asserted (benchmarks measure speed); the 60 s test time-out is the only bound.
  const elapsed = Date.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  console.log(`100,000 processes final in ${elapsed} ms; heap grew ${heapMb.toFixed(0)} MB`);

  expect(stats.processes).toBe(100_000);
  const { pending, processing, ...final } = stats.byStatus as Record<string, number>;
  expect((pending ?? 0) + (processing ?? 0)).toBe(0);
  expect(Object.values(final).reduce((s, n) => s + n, 0)).toBe(100_000);
  // The default mix: roughly 60% accepted.
  expect(final.accepted! / 100_000).toBeGreaterThan(0.5);
  expect(final.failed).toBeGreaterThan(0);
  expect(heapMb).toBeLessThan(400);

  const last = answer.body.items[99_999];
  const p = await t.api("GET", `/dossiers/${last.dossierId}/processes/${last.processId}`);
  expect(p.status).toBe(200);
  expect(["accepted", "rejected", "inconclusive", "failed", "canceled"]).toContain(p.body.status);
  const list = await t.api("GET", "/dossiers");
  expect(list.body).toHaveLength(100_000);
}, 60_000);
