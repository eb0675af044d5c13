import "server-only";
// The rules behind every rotation count, as `where`s on rotation_tasks: the summary counts with
// them and the task list filters with them, so "27 overdue" links to exactly 27 rows. Overdue is
// isOverdue (lib/domain/rotation/schedule.ts), due soon isDueWithin (lib/domain/calendar/due-window.ts).
import { and, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import { dueWindowEnd } from "@/lib/domain/calendar/due-window";
import { ACTIVE_STATUSES } from "@/lib/domain/rotation/schedule";

/** Still to do: open, acknowledged or awaiting approval (never done or skipped). */
export const activeTask = (): SQL => inArray(rotationTasks.status, [...ACTIVE_STATUSES]);

/** Still to do and past its due date. */
export const overdueTask = (now: Date): SQL => and(activeTask(), sql`${rotationTasks.dueAt} < ${now}`)!;

/** Still to do, not overdue, due before `days` from now. */
export const dueWithinTask = (now: Date, days: number): SQL => and(activeTask(), sql`${rotationTasks.dueAt} >= ${now}`, sql`${rotationTasks.dueAt} < ${dueWindowEnd(now, days)}`)!;

/** Still to do and held by nobody (the secret has no operator or approver). */
export const gapTask = (): SQL => and(activeTask(), isNull(rotationTasks.assigneeId))!;
