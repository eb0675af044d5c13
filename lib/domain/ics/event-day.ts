// Which day a task's one event sits on. An open task sits on its due date until it is overdue; from
// then on it sits on today (UTC), so a calendar app shows it this week instead of on a date a year
// ago. A task closed after its due date sits on the day it was closed, so the entry does not jump
// back out of sight when it is done. The UID never changes: the event moves, it is not duplicated.
// Pure; `now` is passed in.
import { addDays, daysBetween, dayStart, toDay, type Day } from "@/lib/domain/calendar/days";
import { isOverdue, type TaskStatus } from "@/lib/domain/rotation/schedule";

type Placed = { status: TaskStatus; dueAt: Date; completedAt: Date | null; skippedAt: Date | null };

export type EventDay = {
  /** The all-day event's date. */
  day: Day;
  dueDay: Day;
  /** Whole UTC days from the due date to the event's date (0 when it sits on its due date). */
  movedDays: number;
  /** Still open and past due. */
  overdue: boolean;
};

export function eventDay(task: Placed, now: Date): EventDay {
  const dueDay = toDay(task.dueAt);
  const overdue = isOverdue(task, now);
  const closedAt = task.status === "done" ? task.completedAt : task.status === "skipped" ? task.skippedAt : null;
  const candidate = overdue ? toDay(now) : closedAt ? toDay(closedAt) : dueDay;
  const day = candidate > dueDay ? candidate : dueDay;
  return { day, dueDay, movedDays: daysBetween(dueDay, day), overdue };
}

/** The first instant the event's date is what it is now: a moved event changed at that midnight. */
export function movedSince(placed: EventDay): Date | null {
  return placed.movedDays > 0 ? dayStart(placed.day) : null;
}

/** DTEND of an all-day event: the next day. */
export const nextDay = (day: Day): Date => dayStart(addDays(day, 1));
