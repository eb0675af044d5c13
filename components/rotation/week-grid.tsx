"use client";

import { DayCell } from "@/components/rotation/day-cell";
import { dayCount } from "@/components/rotation/day-tasks";
import { TaskChip } from "@/components/rotation/task-chip";
import { useGridKeys } from "@/components/rotation/use-grid-keys";
import { dayStart, type Day } from "@/lib/domain/calendar/days";
import { viewRange, weekDays } from "@/lib/domain/calendar/grid";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

type Props = { anchor: Day; today: Day; days: Map<Day, RotationTask[]>; onOpen: (id: string) => void; onNavigate: (day: Day) => void };

const heading = (day: Day) => dayStart(day).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** One week, Monday to Sunday, every task of each day with its owner. */
export function WeekGrid({ anchor, today, days, onOpen, onNavigate }: Props) {
  const week = weekDays(anchor);
  const range = viewRange("week", anchor);
  const initial = week.includes(today) ? today : anchor;
  const grid = useGridKeys({ view: "week", anchor, range, initial, onNavigate });
  return (
    <table ref={grid.container} role="grid" aria-labelledby="calendar-title" className="w-full table-fixed border-collapse" onKeyDown={grid.onKeyDown} data-testid="week-grid">
      <thead>
        <tr role="row">
          {week.map((day) => (
            <th key={day} role="columnheader" scope="col" className={`border-b border-slate-200 px-2 py-2 text-left text-xs font-medium ${day === today ? "text-brand-700" : "text-slate-500"}`}>
              {heading(day)}
              {day === today && <span className="ml-1.5 rounded bg-brand-600 px-1 py-px text-[10px] font-semibold text-white uppercase">Today</span>}
              <span className="block text-[11px] font-normal text-slate-400">{dayCount(days.get(day))}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr role="row">
          {week.map((day) => {
            const tasks = days.get(day) ?? [];
            return (
              <DayCell key={day} day={day} today={today} tasks={tasks} grid={grid} className={`h-[16rem] ${day === today ? "bg-brand-50/60" : "bg-white"}`}>
                {tasks.length === 0 ? (
                  <p className="px-1 pt-1 text-xs text-slate-400">Nothing due</p>
                ) : (
                  <ul className="space-y-1">
                    {tasks.map((task) => (
                      <li key={task.id}>
                        <TaskChip task={task} onOpen={onOpen} detailed />
                      </li>
                    ))}
                  </ul>
                )}
              </DayCell>
            );
          })}
        </tr>
      </tbody>
    </table>
  );
}
