"use client";

import { useQuery } from "@tanstack/react-query";
import { MonthGrid } from "@/components/rotation/month-grid";
import { OverdueStrip } from "@/components/rotation/overdue-strip";
import { StatusLegend } from "@/components/rotation/status-legend";
import { WeekGrid } from "@/components/rotation/week-grid";
import { byDay } from "@/components/rotation/day-tasks";
import { fetchAllTasks } from "@/components/rotation/rotation-client";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { viewRange, type CalendarView } from "@/lib/domain/calendar/grid";
import type { Day } from "@/lib/domain/calendar/days";

type Props = {
  view: CalendarView;
  anchor: Day;
  today: Day;
  filters: Record<string, string>;
  onOpen: (id: string) => void;
  update: (changes: Record<string, string | undefined>) => void;
};

/** The month or week grid with the tasks due in it, and the overdue ones from before it. */
export function CalendarBody({ view, anchor, today, filters, onOpen, update }: Props) {
  const range = viewRange(view, anchor);
  const params = { ...filters, from: range.from, to: range.to };
  const tasks = useQuery({ queryKey: rotationKeys.range(params), queryFn: () => fetchAllTasks(params), placeholderData: (previous) => previous });
  const days = byDay(tasks.data?.items ?? []);
  const navigate = (day: Day) => update({ date: day === today ? undefined : day });
  const total = tasks.data?.items.length ?? 0;

  return (
    <>
      {range.to > today && filters.overdue !== "true" && <OverdueStrip before={range.from} filters={filters} onOpen={onOpen} onShowAll={() => update({ view: "list", overdue: "1" })} />}
      <div className="card overflow-hidden">
        <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2 text-xs text-slate-500">
          <span aria-live="polite" data-testid="calendar-count">
            {tasks.isPending ? "Loading tasks…" : `${total} task${total === 1 ? "" : "s"} due ${view === "month" ? "in these weeks" : "this week"}`}
            {tasks.isFetching && !tasks.isPending && <span className="ml-2 text-slate-400">updating…</span>}
          </span>
          <StatusLegend />
        </div>
        {tasks.isError && (
          <p role="alert" className="border-b border-red-100 bg-red-50 px-4 py-2 text-sm text-red-700">
            Could not load tasks: {tasks.error.message}
          </p>
        )}
        {tasks.data?.truncated && <p className="border-b border-amber-100 bg-amber-50 px-4 py-2 text-sm text-amber-800">Showing the first {total} tasks of this period: narrow it with the filters.</p>}
        {view === "month" ? (
          <MonthGrid anchor={anchor} today={today} days={days} onOpen={onOpen} onNavigate={navigate} onShowDay={(day) => update({ view: "week", date: day })} />
        ) : (
          <WeekGrid anchor={anchor} today={today} days={days} onOpen={onOpen} onNavigate={navigate} />
        )}
      </div>
    </>
  );
}
