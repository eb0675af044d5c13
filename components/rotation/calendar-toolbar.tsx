"use client";

import { CalendarDays, CalendarRange, ChevronLeft, ChevronRight, List } from "lucide-react";
import type { View } from "@/components/rotation/calendar-params";
import { shiftView, viewTitle } from "@/lib/domain/calendar/grid";
import type { Day } from "@/lib/domain/calendar/days";

type Props = { view: View; anchor: Day; today: Day; update: (changes: Record<string, string | undefined>) => void };

const VIEWS: { id: View; label: string; icon: typeof List }[] = [
  { id: "month", label: "Month", icon: CalendarDays },
  { id: "week", label: "Week", icon: CalendarRange },
  { id: "list", label: "List", icon: List },
];

/** Month | Week | List, and (for the calendar views) prev / today / next with the period's title. */
export function CalendarToolbar({ view, anchor, today, update }: Props) {
  const go = (day: Day) => update({ date: day === today ? undefined : day });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div role="group" aria-label="View" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 shadow-sm">
        {VIEWS.map(({ id, label, icon: Icon }) => (
          <button
            key={id}
            type="button"
            aria-pressed={view === id}
            onClick={() => update({ view: id === "month" ? undefined : id })}
            className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium transition ${view === id ? "bg-ink text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </button>
        ))}
      </div>
      {view !== "list" && (
        <>
          <div className="inline-flex items-center gap-1">
            <button type="button" className="btn px-2" aria-label={view === "month" ? "Previous month" : "Previous week"} onClick={() => go(shiftView(view, anchor, -1))}>
              <ChevronLeft className="size-4" aria-hidden />
            </button>
            <button type="button" className="btn" onClick={() => go(today)}>
              Today
            </button>
            <button type="button" className="btn px-2" aria-label={view === "month" ? "Next month" : "Next week"} onClick={() => go(shiftView(view, anchor, 1))}>
              <ChevronRight className="size-4" aria-hidden />
            </button>
          </div>
          <h2 id="calendar-title" className="text-lg font-semibold text-ink" aria-live="polite">
            {viewTitle(view, anchor)}
          </h2>
        </>
      )}
    </div>
  );
}
