"use client";

import { CalendarBody } from "@/components/rotation/calendar-body";
import { CalendarFilters } from "@/components/rotation/calendar-filters";
import { CalendarToolbar } from "@/components/rotation/calendar-toolbar";
import { CALENDAR_KEYS, anchorOf, taskFilters, viewOf } from "@/components/rotation/calendar-params";
import { TaskListView } from "@/components/rotation/task-list-view";
import { useTaskParam } from "@/components/rotation/use-task-param";
import { useViewParams } from "@/components/ui/use-view-params";
import { toDay } from "@/lib/domain/calendar/days";

type Props = { canListPeople: boolean; canWork: boolean };

/** The calendar page's island: view switcher, navigation, filters and the month, week or list. */
export function RotationCalendar({ canListPeople, canWork }: Props) {
  const { params, update } = useViewParams(CALENDAR_KEYS);
  const { open } = useTaskParam();
  const today = toDay(new Date());
  const view = viewOf(params);
  const anchor = anchorOf(params, today);
  const filters = taskFilters(params);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CalendarToolbar view={view} anchor={anchor} today={today} update={update} />
        <CalendarFilters params={params} update={update} canListPeople={canListPeople} canWork={canWork} />
      </div>
      {view === "list" ? (
        <TaskListView filters={filters} onOpen={open} onSort={(sort) => update({ sort: sort === "risk" ? undefined : sort })} />
      ) : (
        <CalendarBody view={view} anchor={anchor} today={today} filters={filters} onOpen={open} update={update} />
      )}
    </div>
  );
}
