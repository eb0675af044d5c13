import { describe, expect, it } from "vitest";
import { windowStart } from "@/lib/domain/day-window";

describe("windowStart", () => {
  it("is the UTC date N days before now, late in a day as early in it", () => {
    const today = new Date();
    const midnight = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    const expected = new Date(midnight.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    expect(windowStart(30, new Date(midnight.getTime() + 1))).toBe(expected);
    expect(windowStart(30, new Date(midnight.getTime() + 86_400_000 - 1))).toBe(expected);
  });
});
