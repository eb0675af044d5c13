// A small deterministic PRNG (mulberry32) for the demo seed: the same seed gives the same
// company, so screenshots, e2e specs and benchmarks see the same data on every machine.

export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** A float in [min, max). */
  float: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
  /** A shuffled copy; the input is left alone. */
  shuffle: <T>(items: readonly T[]) => T[];
  /** Picks from [item, weight] pairs with probability proportional to weight. */
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
  /** `count` distinct items in random order (fewer if the input is shorter). */
  sample: <T>(items: readonly T[], count: number) => T[];
  /** Lower-case hexadecimal characters. */
  hex: (length: number) => string;
  /** Letters and digits, like the 6-character suffix AWS adds to secret ARNs. */
  alphanumeric: (length: number) => string;
};

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
    if (total <= 0) throw new RangeError("weighted() needs at least one positive weight");
    let roll = next() * total;
    for (const [item, weight] of entries) {
      roll -= Math.max(0, weight);
      if (roll < 0) return item;
    }
    return (entries.findLast(([, weight]) => weight > 0) as readonly [T, number])[0];
  };
  const characters = (alphabet: string, length: number) => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick,
    chance: (probability) => next() < probability,
    shuffle,
    weighted,
    sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
    hex: (length) => characters("0123456789abcdef", length),
    alphanumeric: (length) => characters(ALPHANUMERIC, length),
  };
}
