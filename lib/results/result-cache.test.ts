import { describe, expect, it } from "vitest";
import { createByteLruCache } from "./result-cache";

describe("createByteLruCache", () => {
  it("evicts the least recently used entries once the bytes exceed the bound", () => {
    const cache = createByteLruCache<string>({ maxBytes: 100, maxEntries: 10 });
    cache.set("a", "A", 40);
    cache.set("b", "B", 40);
    expect(cache.get("a")).toBe("A"); // a is now the most recent
    cache.set("c", "C", 40);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    expect(cache.get("c")).toBe("C");
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 80, evictions: 1, hits: 3, misses: 1 });
  });

  it("bounds the entry count, replaces a key's bytes, and never keeps what is larger than itself", () => {
    const cache = createByteLruCache<number>({ maxBytes: 1000, maxEntries: 2 });
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    cache.set("c", 3, 10);
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", 22, 500);
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 510 });
    cache.set("huge", 4, 1001);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("b")).toBe(22);
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
