// The list view's four groups as task-list queries: each group pages on its own (keyset), so
// "load more" in one never reorders another. Pure; `now` is passed in.
import { addDays, startOfWeek, toDay } from "@/lib/domain/calendar/days";

export const LIST_GROUPS = ["overdue", "this_week", "later", "done_recently"] as const;
export type ListGroup = (typeof LIST_GROUPS)[number];

export const LIST_GROUP_TITLES: Record<ListGroup, string> = {
  overdue: "Overdue",
  this_week: "This week",
  later: "Later",
  done_recently: "Done recently",
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
  }
}

/** Groups a list shows: only overdue ones when the "overdue only" filter is on. */
export function visibleGroups(overdueOnly: boolean): readonly ListGroup[] {
  return overdueOnly ? ["overdue"] : LIST_GROUPS;
}
