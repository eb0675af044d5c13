import { describe, expect, it } from "vitest";
import { chooseMinutes, computeCapacity, medianMinutes, type CapacitySecret } from "@/lib/domain/rotation/capacity";

const secret = (id: string, intervalDays: number | null, highImpact: boolean, automatable = false): CapacitySecret => ({ id, name: id, intervalDays, highImpact, automatable });

describe("minutes per rotation", () => {
  it("takes the median of at least three samples, leaving out spans longer than a working day", () => {
    expect(medianMinutes([10, 20])).toBeNull();
    expect(medianMinutes([10, 30, 20])).toBe(20);
    expect(medianMinutes([10, 20, 40, 50])).toBe(30);
    expect(medianMinutes([10, 20, 3000, 4000])).toBeNull();
  });

  it("prefers the number asked for, then completed tasks, then the setting", () => {
    expect(chooseMinutes({ input: 45, samples: [10, 20, 30], setting: 30 })).toEqual({ minutes: 45, source: "input", median: 20 });
    expect(chooseMinutes({ samples: [10, 20, 30], setting: 30 })).toEqual({ minutes: 20, source: "completed_tasks", median: 20 });
    expect(chooseMinutes({ samples: [], setting: 30 })).toEqual({ minutes: 30, source: "setting", median: null });
  });
});

describe("computeCapacity", () => {
  const minutes = { minutes: 60, source: "setting" as const, median: null };

  it("sums 30 / interval rotations a month over scheduled secrets and compares minutes with capacity", () => {
    const result = computeCapacity({
      secrets: [secret("a", 90, true), secret("b", 180, true), secret("c", 365, false), secret("x", null, false)],
      minutes,
      samples: 0,
      engineerHoursPerMonth: 8,
    });
    expect(result).toMatchObject({ highImpactSecrets: 2, scheduledSecrets: 3, rotationsPerMonth: 0.6, monthlyMinutes: 35, capacityMinutes: 480, fits: true, shortfallMinutes: 0, suggestions: [] });
  });

  it("says what would fit when the policy does not: narrow the scope, automate these, lengthen intervals", () => {
    const secrets = [
      ...Array.from({ length: 30 }, (_, i) => secret(`h${i}`, 90, true, i < 5)),
      ...Array.from({ length: 60 }, (_, i) => secret(`l${i}`, 365, false)),
    ];
    const result = computeCapacity({ secrets, minutes, samples: 0, engineerHoursPerMonth: 8 });
    expect(result.fits).toBe(false);
    expect(result.monthlyMinutes).toBe(Math.round((30 * 30) / 90 * 60 + (60 * 30) / 365 * 60));
    expect(result.suggestions.map((s) => s.kind)).toEqual(["narrow_scope", "automate", "lengthen_interval"]);
    const automate = result.suggestions.find((s) => s.kind === "automate");
    expect(automate?.secrets?.slice(0, 5).map((s) => s.id)).toEqual(["h0", "h1", "h2", "h3", "h4"]);
    expect(result.suggestions[0]?.text).toContain("60 lower-tier");
  });

  it("says when even tier 1–2 alone do not fit", () => {
    const result = computeCapacity({ secrets: Array.from({ length: 100 }, (_, i) => secret(`h${i}`, 30, true)), minutes, samples: 0, engineerHoursPerMonth: 10 });
    expect(result.suggestions.at(-1)).toMatchObject({ kind: "lengthen_interval", text: expect.stringContaining("Even tier 1–2 alone") });
    expect(result.shortfallMinutes).toBe(6000 - 600);
  });
});
