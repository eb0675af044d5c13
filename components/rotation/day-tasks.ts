// Tasks by the UTC day they are due, most urgent first within a day.
import { lookOf, type Look } from "@/components/rotation/task-status";
import { dayStart, toDay, type Day } from "@/lib/domain/calendar/days";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

const ORDER: Record<Look, number> = { overdue: 0, open: 1, acknowledged: 2, awaiting_approval: 3, done: 4, skipped: 5 };

export function byDay(tasks: readonly RotationTask[]): Map<Day, RotationTask[]> {
  const days = new Map<Day, RotationTask[]>();
  for (const task of tasks) {
    const day = toDay(task.dueAt);
    const list = days.get(day) ?? [];
    list.push(task);
    days.set(day, list);
  }
  for (const list of days.values()) list.sort((a, b) => ORDER[lookOf(a)] - ORDER[lookOf(b)] || a.secret.name.localeCompare(b.secret.name));
  return days;
}

/** "3 tasks, 1 overdue" — what a day cell says to a screen reader. */
export function dayCount(tasks: readonly RotationTask[] | undefined): string {
  const n = tasks?.length ?? 0;
  if (!n) return "no tasks";
  const overdue = tasks!.filter((t) => t.overdue).length;
  return `${n} task${n === 1 ? "" : "s"}${overdue ? `, ${overdue} overdue` : ""}`;
}

/** "Monday, 16 March 2026" — a day's full name, for labels. */
export const longDate = (day: Day) => dayStart(day).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
