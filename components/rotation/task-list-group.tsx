"use client";

import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { useFocusNewRow } from "@/components/ui/use-focus-new-row";
import { UserX } from "lucide-react";
import { EnvironmentBadge, TierBadge } from "@/components/ui/badges";
import { SignOffFlag } from "@/components/rotation/sign-off-flag";
import { StatusBadge } from "@/components/rotation/task-status";
import { dueDate, dueWords } from "@/components/rotation/due-words";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import type { TaskPage } from "@/components/rotation/rotation-client";
import { apiGet } from "@/lib/http/api-client";
import { LIST_GROUP_TITLES, listGroupQuery, type ListGroup } from "@/lib/domain/calendar/list-groups";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

const PAGE = "25";
const EMPTY: Record<ListGroup, string> = {
  overdue: "Nothing overdue.",
  this_week: "Nothing else due this week.",
  later: "Nothing due later in the open window.",
  done_recently: "Nothing done or skipped recently.",
  due: "Nothing else due in this window.",
  done_in_quarter: "Nothing done in this quarter.",
  acked: "No task opened in this window has an answer yet.",
};

type Props = { group: ListGroup; title?: string; filters: Record<string, string>; onOpen: (id: string) => void };

/** One group of the list view with its exact count, and its own "Load more" (keyset, never OFFSET). */
export function TaskListGroup({ group, title = LIST_GROUP_TITLES[group], filters, onOpen }: Props) {
  const params = useMemo(() => ({ ...filters, ...listGroupQuery(group, new Date()) }), [filters, group]);
  const query = useInfiniteQuery({
    queryKey: rotationKeys.group(group, params),
    queryFn: ({ pageParam }) => apiGet<TaskPage>("/api/v1/rotation/tasks", { ...params, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  let rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  // The most recent first: by when it was done (or due, for a skip).
  if (group === "done_recently") rows = [...rows].sort((a, b) => (b.completedAt ?? b.dueAt).localeCompare(a.completedAt ?? a.dueAt));
  const id = `group-${group}`;
  const section = useRef<HTMLElement>(null);
  const focusNewRow = useFocusNewRow(section, rows.length);

  return (
    <section ref={section} aria-labelledby={id} className="card overflow-hidden" data-group={group}>
      <h3 id={id} className={`flex items-center gap-2 border-b border-slate-100 px-4 py-2.5 text-sm font-semibold ${group === "overdue" ? "text-red-700" : "text-ink"}`}>
        {title}
        <span className="rounded-full bg-slate-100 px-2 py-px text-xs font-medium text-slate-600 tabular-nums" data-testid="group-count">
          {query.isPending ? "…" : total}
        </span>
        {group === "done_recently" && <span className="text-xs font-normal text-slate-500">the latest first</span>}
        {query.hasNextPage && <span className="ml-auto text-xs font-normal text-slate-500">showing {rows.length} of {total}</span>}
      </h3>
      {query.isError ? (
        <p role="alert" className="px-4 py-4 text-sm text-red-600">Could not load tasks: {query.error.message}</p>
      ) : query.isPending ? (
        <p className="px-4 py-4 text-sm text-slate-400">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{EMPTY[group]}</p>
      ) : (
        // A phone: each row a small card (secret, then status, then due · assignee), not four squeezed columns.
        <table className="w-full table-fixed text-sm max-sm:block">
          <thead className="sr-only">
            <tr>
              <th scope="col">Secret</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 max-sm:block">
            {rows.map((task) => (
              <TaskListRow key={task.id} task={task} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      )}
      {query.hasNextPage && (
        <div className="border-t border-slate-100 px-4 py-2 text-center">
          <button type="button" className="btn" disabled={query.isFetchingNextPage} onClick={() => (focusNewRow(rows.length), void query.fetchNextPage())}>
            {query.isFetchingNextPage ? "Loading…" : `Load more ${title.toLowerCase()}`}
          </button>
        </div>
      )}
    </section>
  );
}

function TaskListRow({ task, onOpen }: { task: RotationTask; onOpen: (id: string) => void }) {
  return (
    <tr data-task-row={task.id} data-status={task.status} className="max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-1 max-sm:px-4 max-sm:py-2.5">
      <td className="w-[42%] px-4 py-2 max-sm:col-span-2 max-sm:w-auto max-sm:p-0">
        <button type="button" data-task-open={task.id} onClick={() => onOpen(task.id)} className="block max-w-full truncate text-left font-medium text-ink hover:text-brand-700 hover:underline" title={task.secret.name}>
          {task.secret.name}
        </button>
        <div className="mt-0.5 flex items-center gap-1.5 text-xs text-slate-500">
          <EnvironmentBadge environment={task.secret.environment} />
          <TierBadge tier={task.secret.tier} />
          <span className="truncate">{task.secret.sourceName}</span>
          {task.kind === "rotate_now" && <span className="truncate text-purple-700">rotate now{task.reason ? `: ${task.reason}` : ""}</span>}
        </div>
      </td>
      <td className="w-[18%] px-3 py-2 max-sm:col-span-2 max-sm:w-auto max-sm:p-0">
        <div className="flex flex-col items-start gap-1">
          <StatusBadge task={task} />
          <SignOffFlag task={task} />
        </div>
      </td>
      <td className="w-[20%] px-3 py-2 text-slate-700 max-sm:w-auto max-sm:p-0">
        <span className="block tabular-nums">{dueDate(task.dueAt)}</span>
        <span className={`text-xs ${task.overdue ? "font-medium text-red-700" : "text-slate-500"}`}>{dueWords(task)}</span>
      </td>
      <td className="px-3 py-2 max-sm:p-0">
        {task.gap ? (
          <span className="inline-flex items-center gap-1 text-sm font-medium text-red-700">
            <UserX className="size-4" aria-hidden /> No owner (gap)
          </span>
        ) : task.assignee ? (
          <Link href={`/people/${task.assignee.id}`} className="text-slate-700 hover:underline">
            {task.assignee.name}
            <span className="block text-xs text-slate-400">{task.assigneeRole}</span>
          </Link>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}
