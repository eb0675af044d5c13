import "server-only";
// The rules behind every rotation count, as `where`s on rotation_tasks: the summary counts with
// them and the task list filters with them, so "27 overdue" links to exactly 27 rows. Overdue is
// isOverdue (lib/domain/rotation/schedule.ts), due soon isDueWithin (lib/domain/calendar/due-window.ts);
// "acked within 2 days" and "done on time, per quarter" are defined in lib/domain/rotation/metrics.ts.
import { and, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import { dueWindowEnd } from "@/lib/domain/calendar/due-window";
import { ACK_WINDOW_MS, quarterRange } from "@/lib/domain/rotation/metrics";
import { ACTIVE_STATUSES, DAY_MS } from "@/lib/domain/rotation/schedule";

/** Still to do: open, acknowledged or awaiting approval (never done or skipped). */
export const activeTask = (): SQL => inArray(rotationTasks.status, [...ACTIVE_STATUSES]);

/** Still to do and past its due date. */
export const overdueTask = (now: Date): SQL => and(activeTask(), sql`${rotationTasks.dueAt} < ${now}`)!;

/** Still to do, not overdue, due before `days` from now. */
export const dueWithinTask = (now: Date, days: number): SQL => and(activeTask(), sql`${rotationTasks.dueAt} >= ${now}`, sql`${rotationTasks.dueAt} < ${dueWindowEnd(now, days)}`)!;

/** Still to do and held by nobody (the secret has no operator or approver). */
export const gapTask = (): SQL => and(activeTask(), isNull(rotationTasks.assigneeId))!;

/**
 * "Acked within 2 days"' count: opened in the last `days` days, not skipped, and its answer known —
 * responded (acknowledged or completed), or opened at least 48 hours ago.
 */
export const ackAnsweredTask = (now: Date, days: number): SQL =>
  and(
    sql`${rotationTasks.openedAt} >= ${new Date(now.getTime() - days * DAY_MS)}`,
    ne(rotationTasks.status, "skipped"),
    or(isNotNull(rotationTasks.acknowledgedAt), isNotNull(rotationTasks.completedAt), sql`${rotationTasks.openedAt} <= ${new Date(now.getTime() - ACK_WINDOW_MS)}`),
  )!;

/** First responded (acknowledged or completed) no later than 48 hours after it opened; never null (no response is false). */
export const ackedWithin2DaysTask = (): SQL =>
  sql`coalesce(least(${rotationTasks.acknowledgedAt}, ${rotationTasks.completedAt}) <= ${rotationTasks.openedAt} + make_interval(secs => ${ACK_WINDOW_MS / 1000}), false)`;

/** Done, completed in the quarter (`2026-Q4`, UTC): "done on time, per quarter"'s `done`. */
export const doneInQuarterTask = (quarter: string): SQL => {
  const { start, end } = quarterRange(quarter);
  return and(eq(rotationTasks.status, "done"), sql`${rotationTasks.completedAt} >= ${start}`, sql`${rotationTasks.completedAt} < ${end}`)!;
};

/** Completed no later than its grace ran out (due date + grace). */
export const completedInGraceTask = (): SQL => sql`${rotationTasks.completedAt} <= ${rotationTasks.graceUntil}`;

/** Still to do, its grace ran out in the quarter and before now: a missed rotation. */
export const missedInQuarterTask = (quarter: string, now: Date): SQL => {
  const { start, end } = quarterRange(quarter);
  return and(activeTask(), sql`${rotationTasks.graceUntil} >= ${start}`, sql`${rotationTasks.graceUntil} < ${end}`, sql`${rotationTasks.graceUntil} < ${now}`)!;
};
