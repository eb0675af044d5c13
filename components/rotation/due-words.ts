// "due in 3 days", "5 days overdue", "done 2 days ago" — a task's date in words, in UTC days.
import { daysBetween, toDay } from "@/lib/domain/calendar/days";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

export function dueWords(task: Pick<RotationTask, "dueAt" | "status" | "overdue" | "completedAt">, now: Date = new Date()): string {
  const days = daysBetween(toDay(now), toDay(task.dueAt));
  if (task.status === "done" && task.completedAt) {
    const ago = daysBetween(toDay(task.completedAt), toDay(now));
    return ago <= 0 ? "done today" : ago === 1 ? "done yesterday" : `done ${ago} days ago`;
  }
  if (task.status === "skipped") return "skipped";
  if (task.overdue) return days === 0 ? "overdue since today" : `${-days} day${days === -1 ? "" : "s"} overdue`;
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  return `due in ${days} days`;
}

export function dueDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
