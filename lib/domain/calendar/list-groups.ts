// The list view's groups as task-list queries: each group pages on its own (keyset), so "load more"
// in one never reorders another. A drill-down from a summary number shows only its rows: overdue=1
// the overdue group, due=14 one "due in the next 14 days" group, gap=1 the groups of tasks still to
// do (never done or skipped). Pure; `now` is passed in.
import { addDays, startOfWeek, toDay } from "@/lib/domain/calendar/days";

export const LIST_GROUPS = ["overdue", "this_week", "later", "done_recently"] as const;
export type ListGroup = (typeof LIST_GROUPS)[number] | "due";

export const LIST_GROUP_TITLES: Record<ListGroup, string> = {
  overdue: "Overdue",
  this_week: "This week",
  later: "Later",
  done_recently: "Done recently",
  due: "Due soon",
};

/** How far back "done recently" looks, by due date. */
export const DONE_RECENTLY_DAYS = 45;
const ACTIVE = "open,acknowledged,awaiting_approval";

/** The API parameters (besides the filters) that select one group's tasks. */
export function listGroupQuery(group: ListGroup, now: Date): Record<string, string> {
  const nextMonday = addDays(startOfWeek(toDay(now)), 7);
  switch (group) {
    case "overdue":
      return { overdue: "true" };
    case "this_week":
      return { status: ACTIVE, overdue: "false", to: nextMonday };
    case "later":
      return { status: ACTIVE, from: nextMonday };
    case "done_recently":
      return { status: "done,skipped", from: addDays(toDay(now), -DONE_RECENTLY_DAYS) };
    case "due":
      return {}; // the `due` filter itself selects them
  }
}

/** Groups a list shows for the drill-down filters set. */
export function visibleGroups({ overdue = false, due = false, gap = false }: { overdue?: boolean; due?: boolean; gap?: boolean }): readonly ListGroup[] {
  if (overdue) return ["overdue"];
  if (due) return ["due"];
  return gap ? ["overdue", "this_week", "later"] : LIST_GROUPS;
}
