import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead";

/** A source that records when each batch was asked for, relative to what the caller has taken. */
function recordingSource(batches: number[], log: string[], failAt?: number) {
  let i = 0;
  let returned = false;
  const source: AsyncIterator<number> & { returned: () => boolean } = {
    async next() {
      log.push(`read ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (i === failAt) throw new Error(`batch ${i} failed`);
      return i < batches.length ? { done: false, value: batches[i++]! } : { done: true, value: undefined };
    },
    async return() {
      returned = true;
      return { done: true, value: undefined };
    },
    returned: () => returned,
  };
  return source;
}

describe("readAhead", () => {
  it("hands out every batch in order, the next one asked for before the caller works on the current", async () => {
    const log: string[] = [];
    const taken: number[] = [];
    for await (const batch of readAhead(recordingSource([10, 20, 30], log))) {
      log.push(`work ${batch}`);
      taken.push(batch);
    }
    expect(taken).toEqual([10, 20, 30]);
    expect(log).toEqual(["read 0", "read 1", "work 10", "read 2", "work 20", "read 3", "work 30"]);
  });

  it("stops the source when the caller stops, after the read in flight", async () => {
    const log: string[] = [];
    const source = recordingSource([1, 2, 3, 4], log);
    for await (const batch of readAhead(source)) {
      if (batch === 2) break;
    }
    expect(source.returned()).toBe(true);
    expect(log).toEqual(["read 0", "read 1", "read 2"]);
  });

  it("passes a failed read to the caller when it reaches it", async () => {
    const log: string[] = [];
    const taken: number[] = [];
    await expect(
      (async () => {
        for await (const batch of readAhead(recordingSource([1, 2, 3], log, 2))) taken.push(batch);
      })(),
    ).rejects.toThrow("batch 2 failed");
    expect(taken).toEqual([1, 2]);
  });
});
