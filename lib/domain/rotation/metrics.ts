// The two numbers about rotation discipline the rotation page and the founder's overview show.
// The rules are `where`s in lib/data/rotation/task-windows.ts — the summary counts with them and
// the task list filters with them, so each figure links to exactly its rows; here, what they mean
// and the pure pieces (the 48-hour window, quarters, the percentage).
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
import { DAY_MS } from "@/lib/domain/rotation/schedule";

export const ACK_WINDOW_MS = 2 * DAY_MS;
/** The summary's "acked within 2 days" looks at the tasks opened in these last days (the list's `acked=90`). */
export const ACK_LOOKBACK_DAYS = 90;

/** part / whole as a percentage to one decimal; null when there is nothing to divide. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** A quarter as `2026-Q4`. */
export const isQuarter = (value: string | undefined): value is string => /^\d{4}-Q[1-4]$/.test(value ?? "");

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** `2026-Q4` as people say it: "Q4 2026". */
export function quarterWords(quarter: string): string {
  const [year, q] = quarter.split("-");
  return `${q} ${year}`;
}

/** The instants a quarter (`2026-Q4`, UTC) starts at and ends before. */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const year = Number(quarter.slice(0, 4));
  const index = Number(quarter.slice(6)) - 1;
  return { start: new Date(Date.UTC(year, index * 3, 1)), end: new Date(Date.UTC(year, index * 3 + 3, 1)) };
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
