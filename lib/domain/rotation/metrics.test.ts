import { describe, expect, it } from "vitest";
import { acknowledgedWithin2Days, lastQuarters, onTimeByQuarter, quarterOf, type MetricTask } from "@/lib/domain/rotation/metrics";

const t = (iso: string) => new Date(iso);
const task = (over: Partial<MetricTask>): MetricTask => ({ status: "open", openedAt: t("2026-06-01T00:00:00Z"), acknowledgedAt: null, completedAt: null, graceUntil: t("2026-06-30T00:00:00Z"), ...over });

describe("acknowledgedWithin2Days", () => {
  const now = t("2026-06-10T00:00:00Z");
  it("counts an acknowledgement or a completion within 48 hours; leaves out skipped and too-young tasks", () => {
    const tasks = [
      task({ status: "acknowledged", acknowledgedAt: t("2026-06-02T00:00:00Z") }), // within
      task({ status: "acknowledged", acknowledgedAt: t("2026-06-03T00:00:01Z") }), // late
      task({ status: "done", completedAt: t("2026-06-01T12:00:00Z") }), // done quickly: within
      task({ status: "open" }), // never: counted, not within
      task({ status: "open", openedAt: t("2026-06-09T00:00:00Z") }), // too young: not counted
      task({ status: "skipped" }), // not counted
    ];
    expect(acknowledgedWithin2Days(tasks, now)).toEqual({ pct: 50, count: 4, within: 2 });
    expect(acknowledgedWithin2Days([], now)).toEqual({ pct: null, count: 0, within: 0 });
  });
});

describe("onTimeByQuarter", () => {
  it("labels quarters in UTC and lists the last four, oldest first", () => {
    expect(quarterOf(t("2026-09-30T23:59:59Z"))).toBe("2026-Q3");
    expect(quarterOf(t("2026-10-01T00:00:00Z"))).toBe("2026-Q4");
    expect(lastQuarters(t("2026-02-10T00:00:00Z"), 4)).toEqual(["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
  });

  it("on time = completed no later than grace_until; missed = grace ran out with no rotation", () => {
    const now = t("2026-11-20T00:00:00Z");
    const tasks = [
      task({ status: "done", completedAt: t("2026-08-01T00:00:00Z"), graceUntil: t("2026-08-01T00:00:00Z") }), // on time (equal)
      task({ status: "done", completedAt: t("2026-08-05T00:00:00Z"), graceUntil: t("2026-08-01T00:00:00Z") }), // late
      task({ status: "done", completedAt: t("2026-10-05T00:00:00Z"), graceUntil: t("2026-12-01T00:00:00Z") }), // Q4 on time
      task({ status: "open", graceUntil: t("2026-09-01T00:00:00Z") }), // missed in Q3
      task({ status: "open", graceUntil: t("2026-12-01T00:00:00Z") }), // not yet missed
      task({ status: "done", completedAt: t("2024-01-05T00:00:00Z") }), // outside the window
    ];
    expect(onTimeByQuarter(tasks, now)).toEqual([
      { quarter: "2026-Q1", done: 0, onTime: 0, late: 0, missed: 0, pct: null },
      { quarter: "2026-Q2", done: 0, onTime: 0, late: 0, missed: 0, pct: null },
      { quarter: "2026-Q3", done: 2, onTime: 1, late: 1, missed: 1, pct: 50 },
      { quarter: "2026-Q4", done: 1, onTime: 1, late: 0, missed: 0, pct: 100 },
    ]);
  });
});
