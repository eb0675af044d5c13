// The pure pieces of the two rotation metrics; their rules are SQL (task-windows.ts), tested on a
// real database in lib/data/rotation/rotation-figures.integration.test.ts.
import { describe, expect, it } from "vitest";
import { isQuarter, lastQuarters, percent, quarterOf, quarterRange, quarterWords } from "@/lib/domain/rotation/metrics";

const t = (iso: string) => new Date(iso);

describe("quarters", () => {
  it("labels quarters in UTC and lists the last four, oldest first", () => {
    expect(quarterOf(t("2026-09-30T23:59:59Z"))).toBe("2026-Q3");
    expect(quarterOf(t("2026-10-01T00:00:00Z"))).toBe("2026-Q4");
    expect(lastQuarters(t("2026-02-10T00:00:00Z"), 4)).toEqual(["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
  });

  it("a quarter starts at its first UTC midnight and ends where the next starts", () => {
    expect(quarterRange("2026-Q4")).toEqual({ start: t("2026-10-01T00:00:00Z"), end: t("2027-01-01T00:00:00Z") });
    expect(quarterRange("2026-Q1")).toEqual({ start: t("2026-01-01T00:00:00Z"), end: t("2026-04-01T00:00:00Z") });
    for (const q of lastQuarters(t("2026-02-10T00:00:00Z"), 8)) {
      const { start, end } = quarterRange(q);
      expect([quarterOf(start), quarterOf(new Date(end.getTime() - 1))]).toEqual([q, q]);
    }
  });

  it("reads a quarter only as 2026-Q4, and says it as people do", () => {
    expect(["2026-Q1", "2026-Q4"].every(isQuarter)).toBe(true);
    expect(["2026-Q5", "2026-Q0", "2026q4", "2026-q4", "Q4 2026", "26-Q4", "", undefined].some(isQuarter)).toBe(false);
    expect(quarterWords("2026-Q4")).toBe("Q4 2026");
  });
});

describe("percent", () => {
  it("rounds to one decimal, and is null with nothing to divide", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 4)).toBe(50);
    expect(percent(0, 0)).toBeNull();
  });
});
