import { describe, expect, it } from "vitest";
import { createWindows, generatorUse, percentile } from "./latency";

describe("latency figures", () => {
  it("takes percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 95)).toBeNaN();
  });

  it("finds the worst window where the whole run's p99 hides it", () => {
    const windows = createWindows(10_000);
    const all: number[] = [];
    for (let i = 0; i < 6_000; i++) {
      const sentAt = i * 10; // 60 s
      const latency = sentAt >= 20_000 && sentAt < 30_000 && i % 20 === 0 ? 900 : 20; // a bad third window
      windows.add(sentAt, latency);
      all.push(latency);
    }
    expect(percentile(all, 99)).toBe(20);
    expect(windows.worst(99)).toBe(900);
  });

  it("reports the load generator's cores and share of the machine", () => {
    expect(generatorUse({ "load generator": 100, machine: 1_000 }, { "load generator": 600, machine: 3_000 }, 1_000)).toEqual({ generatorCores: 0.5, generatorShare: 0.25 });
  });
});
