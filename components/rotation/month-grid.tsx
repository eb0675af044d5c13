"use client";

import { DayCell } from "@/components/rotation/day-cell";
import { longDate } from "@/components/rotation/day-tasks";
import { TaskChip } from "@/components/rotation/task-chip";
import { useGridKeys } from "@/components/rotation/use-grid-keys";
import type { Day } from "@/lib/domain/calendar/days";
import { monthWeeks, viewRange } from "@/lib/domain/calendar/grid";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SHOWN = 3;

type Props = {
  anchor: Day;
  today: Day;
  days: Map<Day, RotationTask[]>;
  onOpen: (id: string) => void;
  onNavigate: (day: Day) => void;
  onShowDay: (day: Day) => void;
};

/** The month as a grid of Monday–Sunday weeks; each day lists its tasks (three, then "+N more"). */
export function MonthGrid({ anchor, today, days, onOpen, onNavigate, onShowDay }: Props) {
  const weeks = monthWeeks(anchor);
  const range = viewRange("month", anchor);
  const initial = today >= range.from && today < range.to && today.slice(0, 7) === anchor.slice(0, 7) ? today : anchor;
  const grid = useGridKeys({ view: "month", anchor, range, initial, onNavigate });

  return (
    <table ref={grid.container} role="grid" aria-labelledby="calendar-title" className="w-full table-fixed border-collapse" onKeyDown={grid.onKeyDown} data-testid="month-grid">
      <thead>
        <tr role="row">
          {WEEKDAYS.map((name) => (
            <th key={name} role="columnheader" scope="col" abbr={name} className="border-b border-slate-200 px-2 py-2 text-left text-xs font-medium text-slate-500">
              {name.slice(0, 3)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.day} role="row">
            {week.map(({ day, inMonth }) => {
              const tasks = days.get(day) ?? [];
              const isToday = day === today;
              const more = tasks.length - SHOWN;
              return (
                <DayCell key={day} day={day} today={today} tasks={tasks} grid={grid} className={`h-[6.6rem] ${isToday ? "bg-brand-50/60" : inMonth ? "bg-white" : "bg-slate-50/70"}`}>
                  <div className="mb-1 flex items-center justify-between">
                    <span
                      className={`inline-flex size-6 items-center justify-center rounded-full text-xs tabular-nums ${isToday ? "bg-brand-600 font-semibold text-white" : inMonth ? "font-medium text-slate-700" : "text-slate-400"}`}
                      aria-hidden
                    >
                      {Number(day.slice(8))}
                    </span>
                    {isToday && <span className="hidden text-[10px] font-semibold tracking-wide text-brand-700 uppercase sm:inline" aria-hidden>Today</span>}
                  </div>
                  <ul className="space-y-0.5" aria-hidden={tasks.length === 0 || undefined}>
                    {tasks.slice(0, more > 0 ? SHOWN - 1 : SHOWN).map((task) => (
                      <li key={task.id}>
                        <TaskChip task={task} onOpen={onOpen} />
                      </li>
                    ))}
                    {more > 0 && (
                      <li>
                        <button
                          type="button"
                          className="w-full rounded px-1.5 text-left text-[12px] font-medium leading-5 text-slate-600 hover:bg-slate-100 hover:text-ink"
                          aria-label={`${more + 1} more tasks on ${longDate(day)}: show the week`}
                          onClick={() => onShowDay(day)}
                        >
                          +{more + 1} more
                        </button>
                      </li>
                    )}
                  </ul>
                </DayCell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
