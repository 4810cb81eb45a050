import { describe, expect, it } from "vitest";
import { createBatcher, createWriteBatcher } from "./batcher";

describe("createBatcher", () => {
  it("runs the items that arrive in one turn together and answers each caller with its own outcome", async () => {
    const calls: number[][] = [];
    const double = createBatcher(async (items: number[]) => {
      calls.push(items);
      return items.map((n) => n * 2);
    });
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("keeps batches within maxBatch, and lets items wait for a free call while maxInFlight run", async () => {
    const calls: number[][] = [];
    let running = 0;
    let most = 0;
    const run = createBatcher(
      async (items: number[]) => {
        running += 1;
        most = Math.max(most, running);
        calls.push(items);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
        return items;
      },
      { maxBatch: 4, maxInFlight: 1 },
    );
    const first = Array.from({ length: 6 }, (_, i) => run(i));
    // Arrives while the first batch runs: waits, and joins what else is waiting.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = [run(6), run(7)];
    expect(await Promise.all([...first, ...later])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(1);
    expect(calls).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });

  it("fails only the caller whose item was refused: a failed batch is run again item by item", async () => {
    const calls: string[][] = [];
    const store = createBatcher(async (items: string[]) => {
      calls.push(items);
      if (items.includes("bad")) throw new Error("the database refused a row");
      return items.map((item) => item.toUpperCase());
    });
    const outcomes = await Promise.allSettled(["a", "bad", "c"].map(store));
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))).toEqual(["A", "the database refused a row", "C"]);
    expect(calls).toEqual([["a", "bad", "c"], ["a"], ["bad"], ["c"]]);
  });

  it("rejects an item the run answers with an Error, and the others resolve", async () => {
    const parse = createBatcher(async (items: string[]) => items.map((item) => (Number.isNaN(Number(item)) ? new Error(`not a number: ${item}`) : Number(item))));
    const outcomes = await Promise.allSettled(["1", "x", "3"].map(parse));
    expect(outcomes).toEqual([
      { status: "fulfilled", value: 1 },
      { status: "rejected", reason: new Error("not a number: x") },
      { status: "fulfilled", value: 3 },
    ]);
  });

  it("fails the whole batch, not silently, when the run answers a different number of outcomes", async () => {
    const broken = createBatcher(async (items: number[]) => items.slice(1));
    await expect(Promise.all([1, 2].map(broken))).rejects.toThrow("A batch of 2 was answered with 1 outcomes");
  });
});

describe("createWriteBatcher", () => {
  it("writes the items of one turn together and answers each caller once the write is done; a failed write fails only its item", async () => {
    const written: string[][] = [];
    const write = createWriteBatcher(async (items: string[]) => {
      if (items.includes("bad")) throw new Error("refused");
      written.push(items);
    });
    const outcomes = await Promise.allSettled(["a", "bad", "b"].map(write));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    // The batch of three failed, so each was written again alone.
    expect(written).toEqual([["a"], ["b"]]);
  });
});
