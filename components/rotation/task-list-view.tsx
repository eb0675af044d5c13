"use client";

import { TaskListGroup } from "@/components/rotation/task-list-group";
import { StatusLegend } from "@/components/rotation/status-legend";
import { visibleGroups } from "@/lib/domain/calendar/list-groups";

/** Overdue · This week · Later · Done recently — each group its own keyset-paged list. */
export function TaskListView({ filters, onOpen }: { filters: Record<string, string>; onOpen: (id: string) => void }) {
  const { overdue, ...rest } = filters;
  return (
    <div className="space-y-4" data-testid="task-list">
      <StatusLegend />
      {visibleGroups(overdue === "true").map((group) => (
        <TaskListGroup key={group} group={group} filters={rest} onOpen={onOpen} />
      ))}
    </div>
  );
}
