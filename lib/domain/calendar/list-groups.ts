// The list view's groups as task-list queries: each group pages on its own (keyset), so "load more"
// in one never reorders another. A drill-down from a summary number shows only its rows: overdue=1
// the overdue group, due=14 one "due in the next 14 days" group, done=2026-Q4 one "done in Q4 2026"
// group, acked=90 one group of the tasks "acked within 2 days" counts, gap=1 the groups of tasks
// still to do (never done or skipped). Pure; `now` is passed in.
import { addDays, startOfWeek, toDay } from "@/lib/domain/calendar/days";
import { quarterWords } from "@/lib/domain/rotation/metrics";

export const LIST_GROUPS = ["overdue", "this_week", "later", "done_recently"] as const;
/** The groups a drill-down shows alone; its own filter selects their rows. */
type DrillGroup = "due" | "done_in_quarter" | "acked";
export type ListGroup = (typeof LIST_GROUPS)[number] | DrillGroup;

export const LIST_GROUP_TITLES: Record<ListGroup, string> = {
  overdue: "Overdue",
  this_week: "This week",
  later: "Later",
  done_recently: "Done recently",
  due: "Due soon",
  done_in_quarter: "Done in the quarter",
  acked: "Answer known",
};

/** The filter words the bar's toggle and the group's title share. */
export const doneInWords = (quarter: string) => `Done in ${quarterWords(quarter)}`;
export const ackedWords = (days: number | string) => `Opened in the last ${days} days, answer known`;
export const ACKED_WITHIN_WORDS = "Acked within 2 days";

/** A group's title for the task-list filters set (`due`, `done`, `acked`, `ackedWithin2Days`: the API's). */
export function listGroupTitle(group: ListGroup, filters: Record<string, string>): string {
  if (group === "due" && filters.due) return `Due in the next ${filters.due} days`;
  if (group === "done_in_quarter" && filters.done) return doneInWords(filters.done);
  if (group === "acked" && filters.acked) return `${ackedWords(filters.acked)}${filters.ackedWithin2Days === "true" ? `, ${ACKED_WITHIN_WORDS.toLowerCase()}` : ""}`;
  return LIST_GROUP_TITLES[group];
}

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
    case "done_in_quarter":
    case "acked":
      return {}; // the `due`, `done` or `acked` filter itself selects them
  }
}

type DrillDowns = { overdue?: boolean; due?: boolean; gap?: boolean; done?: boolean; acked?: boolean };

/** Groups a list shows for the drill-down filters set (the rows are always all the filters' together). */
export function visibleGroups({ overdue = false, due = false, gap = false, done = false, acked = false }: DrillDowns): readonly ListGroup[] {
  if (overdue) return ["overdue"];
  if (due) return ["due"];
  if (done) return ["done_in_quarter"];
  if (acked) return ["acked"];
  return gap ? ["overdue", "this_week", "later"] : LIST_GROUPS;
}
