import { describe, expect, it } from "vitest";
import { createLimiter, mergeAsync } from "@/lib/sources/concurrency";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* items<T>(values: T[], delayMs: number, failAt?: number) {
  for (const [i, value] of values.entries()) {
    await sleep(delayMs);
    if (i === failAt) throw new Error(`failed at ${i}`);
    yield value;
  }
}

describe("createLimiter", () => {
  it("never runs more than the limit at once, and runs everything", async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          peak = Math.max(peak, ++active);
          await sleep(i % 4);
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe("mergeAsync", () => {
  it("yields every item of every source", async () => {
    const out: string[] = [];
    for await (const item of mergeAsync([items(["a1", "a2", "a3"], 3), items(["b1", "b2"], 1)])) out.push(item);
    expect(out.sort()).toEqual(["a1", "a2", "a3", "b1", "b2"]);
  });

  it("stops every source when the consumer stops", async () => {
    const stopped: string[] = [];
    async function* tracked(name: string) {
      try {
        for (let i = 0; ; i++) {
          await sleep(1);
          yield `${name}${i}`;
        }
      } finally {
        stopped.push(name);
      }
    }
    for await (const item of mergeAsync([tracked("a"), tracked("b")])) if (item === "a3") break;
    await sleep(10);
    expect(stopped.sort()).toEqual(["a", "b"]);
  });

  it("rethrows the first error", async () => {
    const run = async () => {
      for await (const _ of mergeAsync([items([1, 2, 3], 1, 1), items([4, 5, 6], 5)])) void _;
    };
    await expect(run()).rejects.toThrow("failed at 1");
  });
});
