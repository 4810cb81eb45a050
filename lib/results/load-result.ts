import type { Db } from "../../db/client";
import { onResultsForgotten } from "./forget-results";
import { createByteLruCache, type ByteLruCache } from "./result-cache";
import { isResultError, UnreadableResultError, type ResultError } from "./result-errors";
import { DEFAULT_RESULT_LIMITS, type ResultLimits } from "./result-limits";
import { resultStore, type StoredResult } from "./result-store";
import { unpackResult, type UnpackedResult } from "./unpack-result";

/**
 * A process's full result, unpacked once and then served from memory: the page, then each of its pictures,
 * ask for the same result within a second. Keyed by process id and the zip's sha256, so a replaced zip is
 * never served from an old entry. Refusals are cached too, so a zip bomb is not inflated again on each view.
 */

export type LoadedResult =
  | { state: "none" }
  | { state: "refused"; stored: StoredResult; error: ResultError }
  | { state: "ready"; stored: StoredResult; result: UnpackedResult };

type Unpacked = { ok: true; result: UnpackedResult } | { ok: false; error: ResultError };

export interface ResultLoaderOptions {
  cache?: ByteLruCache<Unpacked>;
  /** Injected by tests to count unzips; the real one by default. */
  unpack?: (bytes: Uint8Array, limits: ResultLimits) => Promise<UnpackedResult>;
  limits?: ResultLimits;
}

export type ResultLoader = ((db: Db, processId: string) => Promise<LoadedResult>) & {
  /** Drops these processes' results from the cache (purged or erased: see forget-results.ts). */
  forget(processIds: readonly string[]): void;
};

const MiB = 1024 * 1024;
export const RESULT_CACHE_LIMITS = { maxBytes: 256 * MiB, maxEntries: 64 };

/**
 * What an entry costs in memory: the buffers its media keep alive (stored pictures are views of the zip, so
 * the zip counts once however many of them it holds), plus JSON text and the parsed objects (about twice the text).
 */
export function estimateResultBytes(result: UnpackedResult): number {
  const buffers = new Set(result.media.map((m) => m.bytes.buffer));
  const media = [...buffers].reduce((sum, buffer) => sum + buffer.byteLength, 0);
  const json = result.json.reduce((sum, j) => sum + j.text.length * 2 * 3, 0);
  return media + json + 4096;
}

export function createResultLoader(options: ResultLoaderOptions = {}): ResultLoader {
  const cache = options.cache ?? createByteLruCache<Unpacked>(RESULT_CACHE_LIMITS);
  const unpack = options.unpack ?? unpackResult;
  const limits = options.limits ?? DEFAULT_RESULT_LIMITS;
  // Two requests for a result not yet cached (the page and its first picture) share one unzip.
  const inflight = new Map<string, Promise<Unpacked | null>>();

  async function unpackOnce(key: string, bytes: Uint8Array): Promise<Unpacked> {
    try {
      const result = await unpack(bytes, limits);
      const entry: Unpacked = { ok: true, result };
      cache.set(key, entry, estimateResultBytes(result));
      return entry;
    } catch (error) {
      // Anything else (a bug, the database) is not a verdict on the zip: let it surface, uncached.
      if (!isResultError(error)) throw error;
      const entry: Unpacked = { ok: false, error };
      cache.set(key, entry, 1024);
      return entry;
    }
  }

  const load = async (db: Db, processId: string): Promise<LoadedResult> => {
    const store = resultStore(db);
    const stored = await store.describe(processId);
    if (!stored) return { state: "none" };
    const key = `${processId}:${stored.sha256}`;
    let entry: Unpacked | null | undefined = cache.get(key);
    if (!entry) {
      let pending = inflight.get(key);
      if (!pending) {
        // null: the zip was deleted between describe and get.
        pending = store.get(processId).then(
          (bytes) => (bytes ? unpackOnce(key, bytes) : null),
          (error: unknown) => {
            // A damaged stored copy is shown as such but not cached: once repaired, the next view reads it.
            if (error instanceof UnreadableResultError && error.reason === "damaged") return { ok: false, error } as const;
            throw error;
          },
        );
        inflight.set(key, pending);
        const forget = () => inflight.delete(key);
        pending.then(forget, forget);
      }
      entry = await pending;
      if (!entry) return { state: "none" };
    }
    return entry.ok ? { state: "ready", stored, result: entry.result } : { state: "refused", stored, error: entry.error };
  };
  // The cache key carries the zip's hash; forgetting goes by process id (the cache holds a few dozen entries).
  const forget = (processIds: readonly string[]) => {
    const gone = new Set(processIds);
    const processOf = (key: string) => key.slice(0, key.lastIndexOf(":"));
    for (const key of [...cache.keys()]) if (gone.has(processOf(key))) cache.delete(key);
    for (const key of [...inflight.keys()]) if (gone.has(processOf(key))) inflight.delete(key);
  };
  return Object.assign(load, { forget });
}

const globalForResults = globalThis as unknown as { deskResultLoader?: ResultLoader };

/** The app's one loader: its cache is shared by every request of this server instance. */
export function getResultLoader(): ResultLoader {
  if (!globalForResults.deskResultLoader) {
    const loader = createResultLoader();
    onResultsForgotten(loader.forget);
    globalForResults.deskResultLoader = loader;
  }
  return globalForResults.deskResultLoader;
}
