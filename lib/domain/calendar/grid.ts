// The month and week views' geometry: which days a view shows (weeks Monday–Sunday), the due-date
// range to ask the API for, where prev / next / today go, and where an arrow key moves the focused
// day. Pure; days are "YYYY-MM-DD" in UTC (days.ts).
import { addDays, addMonths, dayStart, daysInMonth, sameMonth, startOfMonth, startOfWeek, type Day } from "@/lib/domain/calendar/days";

export type CalendarView = "month" | "week";
export type GridDay = { day: Day; inMonth: boolean };

/** The weeks (Monday–Sunday) that hold any day of `anchor`'s month: 4 to 6 rows of 7. */
export function monthWeeks(anchor: Day): GridDay[][] {
  const first = startOfMonth(anchor);
  const last = addDays(first, daysInMonth(first) - 1);
  const weeks: GridDay[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)).map((day) => ({ day, inMonth: sameMonth(day, first) })));
  }
  return weeks;
}

/** Monday to Sunday of `anchor`'s week. */
export function weekDays(anchor: Day): Day[] {
  const start = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The days a view shows, as a due-date range for the API: from inclusive, to exclusive. */
export function viewRange(view: CalendarView, anchor: Day): { from: Day; to: Day } {
  if (view === "week") {
    const start = startOfWeek(anchor);
    return { from: start, to: addDays(start, 7) };
  }
  const weeks = monthWeeks(anchor);
  const first = weeks[0]![0]!.day;
  return { from: first, to: addDays(first, weeks.length * 7) };
}

/** Prev / next: a month (same day, clamped) or a week. */
export function shiftView(view: CalendarView, anchor: Day, delta: number): Day {
  return view === "week" ? addDays(anchor, 7 * delta) : addMonths(anchor, delta);
}

export type GridKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" | "PageUp" | "PageDown";
export const GRID_KEYS: readonly string[] = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"];

/**
 * Where the focused day goes on a key (the WAI-ARIA date-grid keys): ←/→ a day, ↑/↓ a week,
 * Home/End the week's Monday/Sunday, PageUp/PageDown a month. In the week view ↑/↓ stay put.
 */
export function moveDay(view: CalendarView, day: Day, key: GridKey): Day {
  switch (key) {
    case "ArrowLeft":
      return addDays(day, -1);
    case "ArrowRight":
      return addDays(day, 1);
    case "ArrowUp":
      return view === "month" ? addDays(day, -7) : day;
    case "ArrowDown":
      return view === "month" ? addDays(day, 7) : day;
    case "Home":
      return startOfWeek(day);
    case "End":
      return addDays(startOfWeek(day), 6);
    case "PageUp":
      return view === "month" ? addMonths(day, -1) : addDays(day, -7);
    case "PageDown":
      return view === "month" ? addMonths(day, 1) : addDays(day, 7);
  }
}

/** Whether `day` is on the page the view shows for `anchor` (the month's own days, or the week). */
export function inView(view: CalendarView, anchor: Day, day: Day): boolean {
  if (view === "month") return sameMonth(anchor, day);
  const { from, to } = viewRange("week", anchor);
  return day >= from && day < to;
}

/** "November 2026", "16 – 22 November 2026", "30 November – 6 December 2026". */
export function viewTitle(view: CalendarView, anchor: Day): string {
  const month = (d: Day, year: boolean) => dayStart(d).toLocaleDateString("en-GB", { month: "long", ...(year ? { year: "numeric" } : {}), timeZone: "UTC" });
  if (view === "month") return month(anchor, true);
  const [first, last] = [startOfWeek(anchor), addDays(startOfWeek(anchor), 6)];
  const date = (d: Day) => String(dayStart(d).getUTCDate());
  if (sameMonth(first, last)) return `${date(first)} – ${date(last)} ${month(last, true)}`;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${date(first)} ${month(first, !sameYear)} – ${date(last)} ${month(last, true)}`;
}
