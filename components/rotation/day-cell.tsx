"use client";

import type { ReactNode } from "react";
import { dayCount, longDate } from "@/components/rotation/day-tasks";
import type { Day } from "@/lib/domain/calendar/days";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

type Props = {
  day: Day;
  today: Day;
  tasks: readonly RotationTask[];
  grid: { active: Day; onFocus: (day: Day) => void };
  /** Height and background; the border, padding and focus ring are the same in every grid. */
  className: string;
  children: ReactNode;
};

/** One day of a calendar grid: in the roving tab order, named with its date and task count. */
export function DayCell({ day, today, tasks, grid, className, children }: Props) {
  const isToday = day === today;
  return (
    <td
      role="gridcell"
      data-day={day}
      data-today={isToday || undefined}
      tabIndex={day === grid.active ? 0 : -1}
      aria-label={`${longDate(day)}${isToday ? ", today" : ""}: ${dayCount(tasks)}`}
      aria-current={isToday ? "date" : undefined}
      onFocus={(e) => e.target === e.currentTarget && grid.onFocus(day)}
      className={`border border-slate-200 p-1.5 align-top outline-offset-[-2px] focus-visible:outline-2 focus-visible:outline-brand-500 ${className}`}
    >
      {children}
    </td>
  );
}
