/**
 * A seeded pseudo-random generator (mulberry32). Everything the simulator invents (people, documents,
 * scenarios in a bulk run, fault dice) comes from one of these, so a run with the same seed is the same run.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A fresh 32-bit seed, for a child generator that must not disturb this one's sequence later. */
  seed(): number;
  /** A version-4-shaped UUID drawn from this generator (stable for a given seed). */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hexWord = (): string => Math.floor(next() * 4294967296).toString(16).padStart(8, "0");
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (probability) => next() < probability,
    seed: () => Math.floor(next() * 4294967296) >>> 0,
    uuid() {
      // Four 32-bit words; version nibble 4 and variant bits 10, as a v4 UUID has.
      const [a, b, c, d] = [hexWord(), hexWord(), hexWord(), hexWord()];
      const variant = ((parseInt(c[0] ?? "0", 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}

/** Picks a key with probability proportional to its weight; keys with weight 0 are never picked. */
export function pickWeighted<K extends string>(rng: Rng, weights: Partial<Record<K, number>>): K {
  const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (entries.length === 0 || !(total > 0)) throw new Error("no positive weight to pick from");
  let roll = rng.next() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  const last = entries.at(-1);
  if (!last) throw new Error("no positive weight to pick from");
  return last[0];
}
