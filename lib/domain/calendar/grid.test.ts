import { describe, expect, it } from "vitest";
import { inView, monthWeeks, moveDay, shiftView, viewRange, viewTitle, weekDays } from "@/lib/domain/calendar/grid";

describe("month grid", () => {
  it("covers the month in whole Monday–Sunday weeks", () => {
    const weeks = monthWeeks("2026-11-22");
    // 1 November 2026 is a Sunday: the grid starts Monday 26 October and ends Sunday 6 December.
    expect(weeks).toHaveLength(6);
    expect(weeks[0]![0]).toEqual({ day: "2026-10-26", inMonth: false });
    expect(weeks[0]![6]).toEqual({ day: "2026-11-01", inMonth: true });
    expect(weeks.at(-1)![6]).toEqual({ day: "2026-12-06", inMonth: false });
    for (const week of weeks) expect(week).toHaveLength(7);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
  });

  it("needs only four rows for a February that starts on a Monday", () => {
    const weeks = monthWeeks("2027-02-10");
    expect(weeks).toHaveLength(4);
    expect(weeks[0]![0]!.day).toBe("2027-02-01");
    expect(weeks[3]![6]!.day).toBe("2027-02-28");
  });

  it("asks the API for exactly the days shown", () => {
    expect(viewRange("month", "2026-11-22")).toEqual({ from: "2026-10-26", to: "2026-12-07" });
    expect(viewRange("week", "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-23" });
    expect(weekDays("2026-11-25")).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
  });

  it("pages by month or by week", () => {
    expect(shiftView("month", "2026-01-31", 1)).toBe("2026-02-28");
    expect(shiftView("month", "2026-01-31", -1)).toBe("2025-12-31");
    expect(shiftView("week", "2026-12-30", 1)).toBe("2027-01-06");
  });

  it("moves the focused day with the date-grid keys", () => {
    expect(moveDay("month", "2026-11-30", "ArrowRight")).toBe("2026-12-01");
    expect(moveDay("month", "2026-11-01", "ArrowLeft")).toBe("2026-10-31");
    expect(moveDay("month", "2026-11-04", "ArrowUp")).toBe("2026-10-28");
    expect(moveDay("month", "2026-11-25", "ArrowDown")).toBe("2026-12-02");
    expect(moveDay("month", "2026-11-25", "Home")).toBe("2026-11-23");
    expect(moveDay("month", "2026-11-25", "End")).toBe("2026-11-29");
    expect(moveDay("month", "2026-01-31", "PageDown")).toBe("2026-02-28");
    expect(moveDay("week", "2026-11-25", "ArrowUp")).toBe("2026-11-25");
    expect(moveDay("week", "2026-11-25", "PageDown")).toBe("2026-12-02");
  });

  it("knows which days are on the page", () => {
    expect(inView("month", "2026-11-22", "2026-11-30")).toBe(true);
    expect(inView("month", "2026-11-22", "2026-12-01")).toBe(false); // shown greyed, but next month's
    expect(inView("week", "2026-11-22", "2026-11-16")).toBe(true);
    expect(inView("week", "2026-11-22", "2026-11-23")).toBe(false);
  });

  it("titles the page", () => {
    expect(viewTitle("month", "2026-11-22")).toBe("November 2026");
    expect(viewTitle("week", "2026-11-18")).toBe("16 – 22 November 2026");
    expect(viewTitle("week", "2026-12-02")).toBe("30 November – 6 December 2026");
    expect(viewTitle("week", "2026-12-30")).toBe("28 December 2026 – 3 January 2027");
  });
});
