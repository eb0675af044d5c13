"use client";

import { TaskListGroup } from "@/components/rotation/task-list-group";
import { StatusLegend } from "@/components/rotation/status-legend";
import { listGroupTitle, visibleGroups } from "@/lib/domain/calendar/list-groups";

type Props = { filters: Record<string, string>; onOpen: (id: string) => void; onSort: (sort: "risk" | "due") => void };

export const ORDER_WORDS = { risk: "Sorted by risk: tier, environment, days overdue", due: "Sorted by due date: the most overdue first" } as const;

/** Overdue · This week · Later · Done recently (or the one group a drill-down asks for: due soon, done in a quarter, acked), each keyset-paged, in the order chosen. */
export function TaskListView({ filters, onOpen, onSort }: Props) {
  const { overdue, ...rest } = filters;
  const sort = filters.sort === "due" ? "due" : "risk";
  const groups = visibleGroups({ overdue: overdue === "true", due: Boolean(filters.due), gap: filters.gap === "true", done: Boolean(filters.done), acked: Boolean(filters.acked) });
  return (
    <div className="space-y-4" data-testid="task-list">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span data-testid="task-order">{ORDER_WORDS[sort]}</span>
          <label className="inline-flex items-center gap-1.5">
            <span className="sr-only">Order</span>
            <select name="sort" className="field h-[30px] w-auto py-0.5 text-sm" value={sort} onChange={(e) => onSort(e.target.value === "due" ? "due" : "risk")}>
              <option value="risk">Risk first</option>
              <option value="due">Due date</option>
            </select>
          </label>
        </div>
        <StatusLegend />
      </div>
      {groups.map((group) => (
        <TaskListGroup key={group} group={group} title={listGroupTitle(group, filters)} filters={rest} onOpen={onOpen} />
      ))}
    </div>
  );
}
