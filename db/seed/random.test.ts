import { describe, expect, it } from "vitest";
import { createRandom } from "@/db/seed/random";

describe("createRandom", () => {
  it("gives the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draw = (r: ReturnType<typeof createRandom>) =>
      [r.next(), r.int(1, 6), r.pick(["x", "y", "z"]), r.hex(8), r.shuffle([1, 2, 3, 4]), r.chance(0.5)];
    expect(Array.from({ length: 20 }, () => draw(a))).toEqual(Array.from({ length: 20 }, () => draw(b)));
  });

  it("gives different sequences for different seeds", () => {
    const a = Array.from({ length: 5 }, createRandom(1).next);
    const b = Array.from({ length: 5 }, createRandom(2).next);
    expect(a).not.toEqual(b);
  });

  it("keeps next() in [0, 1) and int() inside its inclusive range, reaching both ends", () => {
    const r = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.int(-2, 3);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect([...seen].sort((p, q) => p - q)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(3, 2)).toThrow(RangeError);
  });

  it("keeps float() inside its range", () => {
    const r = createRandom(11);
    for (let i = 0; i < 1000; i++) {
      const x = r.float(10, 20);
      expect(x).toBeGreaterThanOrEqual(10);
      expect(x).toBeLessThan(20);
    }
  });

  it("picks only members, and refuses an empty list", () => {
    const r = createRandom(3);
    const items = ["a", "b", "c"] as const;
    for (let i = 0; i < 200; i++) expect(items).toContain(r.pick(items));
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it("honours chance() at the extremes and roughly in between", () => {
    const r = createRandom(5);
    const rolls = Array.from({ length: 10_000 }, () => r.chance(0.3));
    expect(rolls.filter(Boolean).length / rolls.length).toBeCloseTo(0.3, 1);
    expect(Array.from({ length: 100 }, () => r.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => r.chance(1)).every(Boolean)).toBe(true);
  });

  it("shuffles into a permutation without touching the input", () => {
    const r = createRandom(9);
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = r.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((p, q) => p - q)).toEqual(input);
  });

  it("samples distinct items", () => {
    const r = createRandom(13);
    const picked = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
  });

  it("weights picks and never picks a zero weight", () => {
    const r = createRandom(17);
    const counts = { heavy: 0, light: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[r.weighted([["heavy", 9], ["light", 1], ["never", 0]] as const)]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.heavy / 10_000).toBeCloseTo(0.9, 1);
    expect(() => r.weighted([["x", 0]])).toThrow(RangeError);
  });

  it("builds hex and alphanumeric strings of the asked length", () => {
    const r = createRandom(19);
    expect(r.hex(16)).toMatch(/^[0-9a-f]{16}$/);
    expect(r.alphanumeric(6)).toMatch(/^[A-Za-z0-9]{6}$/);
  });
});
