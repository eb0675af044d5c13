import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isDay, startOfMonth, startOfWeek, toDay, weekdayIndex } from "@/lib/domain/calendar/days";

describe("calendar days (UTC)", () => {
  it("recognises real days only", () => {
    expect(isDay("2026-11-22")).toBe(true);
    expect(isDay("2024-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-01", "", null, undefined, "2026-11-22T00:00"]) expect(isDay(bad)).toBe(false);
  });

  it("takes the UTC day of an instant", () => {
    expect(toDay(new Date("2026-11-22T23:59:59.999Z"))).toBe("2026-11-22");
    expect(toDay("2026-11-22T00:00:00+02:00")).toBe("2026-11-21");
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2026-11-01", "2026-12-01")).toBe(30);
    // Daylight saving never shifts a UTC day.
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("runs weeks Monday to Sunday", () => {
    expect(weekdayIndex("2026-11-23")).toBe(0); // a Monday
    expect(weekdayIndex("2026-11-22")).toBe(6); // a Sunday
    expect(startOfWeek("2026-11-22")).toBe("2026-11-16");
    expect(startOfWeek("2026-11-23")).toBe("2026-11-23");
    expect(startOfWeek("2027-01-01")).toBe("2026-12-28");
  });

  it("moves by months, clamping to the month's last day", () => {
    expect(startOfMonth("2026-11-22")).toBe("2026-11-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });
});
