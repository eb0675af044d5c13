// The two numbers packets and the founder's overview show about rotation discipline. Pure.
//
// Acknowledged within 2 days: of the tasks opened in a window (skipped ones left out), the share
// whose assignee responded — acknowledged it or completed it — no later than 48 hours after it
// opened. Tasks younger than 48 hours with no response yet are not counted: their answer is not
// known. A completion confirmed by the store counts as a response.
//
// Done on time, per quarter (UTC, by the quarter the task was completed in): a done task is on time
// when completed_at ≤ grace_until (= due date + grace). `missed` counts tasks whose grace ran out in
// that quarter with no rotation done (still open, acknowledged or awaiting sign-off); they are not
// part of pct, which is onTime / done.
import { DAY_MS, type TaskStatus } from "@/lib/domain/rotation/schedule";

export const ACK_WINDOW_MS = 2 * DAY_MS;

export type MetricTask = {
  status: TaskStatus;
  openedAt: Date;
  acknowledgedAt: Date | null;
  completedAt: Date | null;
  graceUntil: Date;
};

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function acknowledgedWithin2Days(tasks: readonly MetricTask[], now: Date): { pct: number | null; count: number; within: number } {
  let count = 0;
  let within = 0;
  for (const task of tasks) {
    if (task.status === "skipped") continue;
    const responses = [task.acknowledgedAt, task.completedAt].filter((d): d is Date => d !== null);
    const respondedAt = responses.length ? Math.min(...responses.map((d) => d.getTime())) : null;
    const deadline = task.openedAt.getTime() + ACK_WINDOW_MS;
    if (respondedAt === null && deadline > now.getTime()) continue;
    count++;
    if (respondedAt !== null && respondedAt <= deadline) within++;
  }
  return { pct: percent(within, count), count, within };
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The `count` quarters up to and including the one `now` is in, oldest first. */
export function lastQuarters(now: Date, count: number): string[] {
  const out: string[] = [];
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3);
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-Q${q + 1}`);
    q--;
    if (q < 0) {
      q = 3;
      year--;
    }
  }
  return out;
}

export type QuarterOnTime = { quarter: string; done: number; onTime: number; late: number; missed: number; pct: number | null };

export function onTimeByQuarter(tasks: readonly MetricTask[], now: Date, quarters = 4): QuarterOnTime[] {
  const rows = new Map(lastQuarters(now, quarters).map((quarter) => [quarter, { quarter, done: 0, onTime: 0, late: 0, missed: 0 }]));
  for (const task of tasks) {
    if (task.status === "done" && task.completedAt) {
      const row = rows.get(quarterOf(task.completedAt));
      if (!row) continue;
      row.done++;
      if (task.completedAt <= task.graceUntil) row.onTime++;
      else row.late++;
    } else if (task.status !== "skipped" && task.status !== "done" && task.graceUntil < now) {
      const row = rows.get(quarterOf(task.graceUntil));
      if (row) row.missed++;
    }
  }
  return [...rows.values()].map((row) => ({ ...row, pct: percent(row.onTime, row.done) }));
}
