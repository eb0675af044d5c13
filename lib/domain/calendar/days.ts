// Calendar days as "YYYY-MM-DD" strings in UTC — the same days the rest of Keyledger shows (dates
// are printed in UTC everywhere, and the ICS feed puts a task on its UTC due date). Pure.
export type Day = string;

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day ("2026-02-30" is not one). */
export function isDay(value: string | null | undefined): value is Day {
  const match = value ? DAY_RE.exec(value) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return toDay(date) === value;
}

export function toDay(date: Date | string): Day {
  return new Date(date).toISOString().slice(0, 10);
}

export function dayStart(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: Day, days: number): Day {
  return toDay(new Date(dayStart(day).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((dayStart(b).getTime() - dayStart(a).getTime()) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday (weeks run Monday to Sunday). */
export function weekdayIndex(day: Day): number {
  return (dayStart(day).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: Day): Day {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function daysInMonth(day: Day): number {
  const d = dayStart(day);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const d = dayStart(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return toDay(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

export function sameMonth(a: Day, b: Day): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}
