"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { GRID_KEYS, inView, moveDay, type CalendarView, type GridKey } from "@/lib/domain/calendar/grid";
import type { Day } from "@/lib/domain/calendar/days";

/**
 * Keyboard for a calendar grid (roving tabindex): one day cell is in the Tab order; arrow keys,
 * Home/End and PageUp/PageDown move it — from the cell or from a task chip inside it — paging the
 * view when the day leaves the month or week; Enter or Space on a day moves into its first task.
 */
export function useGridKeys(args: { view: CalendarView; anchor: Day; range: { from: Day; to: Day }; initial: Day; onNavigate: (day: Day) => void }) {
  const { view, anchor, range, initial, onNavigate } = args;
  const [chosen, setChosen] = useState<Day | null>(null);
  const toFocus = useRef<Day | null>(null);
  const container = useRef<HTMLTableElement>(null);
  const active = chosen && chosen >= range.from && chosen < range.to ? chosen : initial;

  useEffect(() => {
    if (!toFocus.current) return;
    const cell = container.current?.querySelector<HTMLElement>(`[data-day="${toFocus.current}"]`);
    if (cell) {
      cell.focus();
      toFocus.current = null;
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>("[data-day]");
    const day = cell?.dataset.day;
    if (!cell || !day) return;
    if (GRID_KEYS.includes(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const next = moveDay(view, day, event.key as GridKey);
      setChosen(next);
      toFocus.current = next;
      // Leaving the month (or week) pages the view there, as a date picker does.
      if (!inView(view, anchor, next)) onNavigate(next);
      else container.current?.querySelector<HTMLElement>(`[data-day="${next}"]`)?.focus();
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && target === cell) {
      event.preventDefault();
      cell.querySelector<HTMLElement>("[data-task-chip]")?.focus();
    }
  };

  /** A click or Tab into a day makes it the active one. */
  const onFocus = (day: Day) => setChosen(day);
  return { container, active, onKeyDown, onFocus };
}
