/**
 * A least-recently-used cache bounded by total bytes (and entries). Unpacked results hold their pictures, so
 * a count alone would not bound memory: a handful of 20 MB results must push older ones out.
 */
export interface ByteLruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number): void;
  delete(key: string): void;
  clear(): void;
  keys(): IterableIterator<string>;
  stats(): CacheStats;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

export interface ByteLruOptions {
  maxBytes: number;
  maxEntries: number;
}

export function createByteLruCache<V>(options: ByteLruOptions): ByteLruCache<V> {
  const entries = new Map<string, { value: V; bytes: number }>();
  const stats = { bytes: 0, hits: 0, misses: 0, evictions: 0 };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    stats.bytes -= entry.bytes;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) {
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      remove(key);
      // Something larger than the whole cache would only evict everything else and then itself.
      if (bytes > options.maxBytes) return;
      entries.set(key, { value, bytes });
      stats.bytes += bytes;
      for (const oldest of entries.keys()) {
        if (stats.bytes <= options.maxBytes && entries.size <= options.maxEntries) break;
        remove(oldest);
        stats.evictions++;
      }
    },
    delete: remove,
    clear() {
      entries.clear();
      stats.bytes = 0;
    },
    keys: () => entries.keys(),
    stats: () => ({ entries: entries.size, ...stats }),
  };
}
