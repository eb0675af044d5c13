// The one definition of "due in the next N days", used by the rotation summary's count, the task
// list's `due` filter and My tasks' group, so a number and the rows it links to cannot disagree: a
// task still to do (not done or skipped) whose due date is from now (not yet overdue) to N days on.
// Overdue is lib/domain/rotation/schedule.ts's isOverdue. Pure; `now` is passed in.
import { DAY_MS, isOverdue, type TaskStatus } from "@/lib/domain/rotation/schedule";

/** The summary's "due soon" window, and the one its card links to (`/rotation?view=list&due=14`). */
export const DUE_SOON_DAYS = 14;

/** The end (exclusive) of the window that starts now. */
export function dueWindowEnd(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function isDueWithin(task: { status: TaskStatus; dueAt: Date }, now: Date, days: number): boolean {
  return task.status !== "done" && task.status !== "skipped" && !isOverdue(task, now) && task.dueAt < dueWindowEnd(now, days);
}
