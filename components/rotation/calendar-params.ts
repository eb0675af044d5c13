// The calendar page's state in the URL: the view, the day it is anchored on and the filters. One
// place turns them into the task API's query, so every view filters the same way.
import { isDay, toDay, type Day } from "@/lib/domain/calendar/days";

export const CALENDAR_KEYS = ["view", "date", "mine", "person", "tier", "environment", "overdue"] as const;
export type CalendarParams = Partial<Record<(typeof CALENDAR_KEYS)[number], string>>;
export type View = "month" | "week" | "list";

export function viewOf(params: CalendarParams): View {
  return params.view === "week" || params.view === "list" ? params.view : "month";
}

export function anchorOf(params: CalendarParams, today: Day = toDay(new Date())): Day {
  return isDay(params.date) ? params.date : today;
}

/** The filters as task-list query parameters (assignee=me, person, tier, environment, overdue). */
export function taskFilters(params: CalendarParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params.mine === "1") out.assignee = "me";
  if (params.person) out.person = params.person;
  if (params.tier) out.tier = params.tier;
  if (params.environment) out.environment = params.environment;
  if (params.overdue === "1") out.overdue = "true";
  return out;
}
