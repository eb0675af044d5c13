"use client";

import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { TaskChip } from "@/components/rotation/task-chip";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import type { TaskPage } from "@/components/rotation/rotation-client";
import { apiGet } from "@/lib/http/api-client";
import { dayStart, type Day } from "@/lib/domain/calendar/days";

const SHOWN = 6;

/** Overdue tasks due before the page shown: they are not on the grid, but they are the most urgent. */
export function OverdueStrip({ before, filters, onOpen, onShowAll }: { before: Day; filters: Record<string, string>; onOpen: (id: string) => void; onShowAll: () => void }) {
  const params = { ...filters, overdue: "true", to: before, limit: "100" };
  const overdue = useQuery({ queryKey: rotationKeys.group("overdue-before", params), queryFn: () => apiGet<TaskPage>("/api/v1/rotation/tasks", params) });
  const items = overdue.data?.items ?? [];
  if (!items.length) return null;
  const count = overdue.data?.total ?? items.length;
  const date = dayStart(before).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
  // Riskiest first from the API (tier, environment, days overdue): the strip shows those.
  return (
    <section aria-labelledby="overdue-strip-title" className="mb-3 rounded-xl border border-red-200 bg-red-50/60 px-3 py-2.5" data-testid="overdue-strip">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h3 id="overdue-strip-title" className="inline-flex items-center gap-1.5 text-sm font-semibold text-red-800">
          <TriangleAlert className="size-4" aria-hidden />
          {count} overdue from before {date}
        </h3>
        <ul className="flex w-full min-w-0 flex-wrap gap-1.5 sm:w-auto sm:flex-1">
          {items.slice(0, SHOWN).map((task, i) => (
            // A phone shows the first three, each the row's width.
            <li key={task.id} className={`w-full min-w-0 sm:w-48 ${i >= 3 ? "hidden sm:block" : ""}`}>
              <TaskChip task={task} onOpen={onOpen} />
            </li>
          ))}
        </ul>
        <button type="button" className="text-sm font-medium text-red-800 underline-offset-2 hover:underline" onClick={onShowAll}>
          All overdue in the list →
        </button>
      </div>
    </section>
  );
}
