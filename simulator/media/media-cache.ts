/**
 * Recently generated pictures, least recently used dropped first, within a byte budget. Pictures are built
 * on request (never for every one of 100,000 processes); the cache spares a client that downloads the same
 * large zip twice, or fetches an image and then the zip, from encoding it again.
 */
export class MediaCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budget = 256 * 1024 * 1024) {}

  get(key: string, make: () => Buffer): Buffer {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.budget || oldKey === key) break;
      this.entries.delete(oldKey);
      this.bytes -= old.length;
    }
    return value;
  }

  /** Pictures held now. */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
