// The calendar page's state in the URL: the view, the day it is anchored on, the filters and the
// list's order. One place turns them into the task API's query, so every view filters the same way.
// The summary's numbers link here: `overdue=1`, `due=14`, `gap=1`, `done=2026-Q4`, `acked=90` and
// `ackedWithin2Days=1` are its own counts' rules.
import { isDay, toDay, type Day } from "@/lib/domain/calendar/days";
import { isQuarter } from "@/lib/domain/rotation/metrics";

export const CALENDAR_KEYS = ["view", "date", "mine", "approver", "person", "tier", "environment", "overdue", "due", "gap", "done", "acked", "ackedWithin2Days", "sort"] as const;
export type CalendarParams = Partial<Record<(typeof CALENDAR_KEYS)[number], string>>;
export type View = "month" | "week" | "list";

export function viewOf(params: CalendarParams): View {
  return params.view === "week" || params.view === "list" ? params.view : "month";
}

export function anchorOf(params: CalendarParams, today: Day = toDay(new Date())): Day {
  return isDay(params.date) ? params.date : today;
}

/** `overdue=1` (and the `overdue=true` older links used). */
export const overdueOnly = (params: CalendarParams) => params.overdue === "1" || params.overdue === "true";

/** A whole number of days, 1–3650; anything else is no filter. */
function wholeDays(value: string | undefined): number | null {
  const days = /^\d{1,4}$/.test(value ?? "") ? Number(value) : 0;
  return days >= 1 && days <= 3650 ? days : null;
}

/** `due=14`: still to do, due within that many days. */
export const dueDays = (params: CalendarParams) => wholeDays(params.due);

/** `acked=90`: opened in that many last days, answer known. */
export const ackedDays = (params: CalendarParams) => wholeDays(params.acked);

/** `done=2026-Q4`: done in that quarter; anything but a quarter is no filter. */
export const doneQuarter = (params: CalendarParams) => (isQuarter(params.done) ? params.done : null);

/** The filters as task-list query parameters. */
export function taskFilters(params: CalendarParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params.mine === "1") out.assignee = "me";
  if (params.approver === "me") out.approver = "me";
  if (params.person) out.person = params.person;
  if (params.tier) out.tier = params.tier;
  if (params.environment) out.environment = params.environment;
  if (overdueOnly(params)) out.overdue = "true";
  const due = dueDays(params);
  if (due) out.due = String(due);
  if (params.gap === "1") out.gap = "true";
  const quarter = doneQuarter(params);
  if (quarter) out.done = quarter;
  const acked = ackedDays(params);
  if (acked) out.acked = String(acked);
  if (params.ackedWithin2Days === "1") out.ackedWithin2Days = "true";
  if (params.sort === "due") out.sort = "due";
  return out;
}

/** What clearing the filters removes (the view, date and order stay). */
export const NO_FILTERS = { mine: undefined, approver: undefined, person: undefined, tier: undefined, environment: undefined, overdue: undefined, due: undefined, gap: undefined, done: undefined, acked: undefined, ackedWithin2Days: undefined };
