"use client";

import { Fragment } from "react";
import { UserX } from "lucide-react";
import { LOOKS, lookOf, statusWords } from "@/components/rotation/task-status";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

/** The part of a secret's name that tells it apart in a small cell: after the last / or :. */
export function shortName(name: string): string {
  const tail = name.split(/[/:]/).filter(Boolean).at(-1);
  return tail ?? name;
}

/** The name with break opportunities after / : _ - so a narrow column wraps it between parts. */
export function BreakableName({ name }: { name: string }) {
  const parts = name.split(/(?<=[/:_-])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

export function taskLabel(task: RotationTask): string {
  const who = task.gap ? "no owner (gap)" : (task.assignee?.name ?? "unassigned");
  return `${task.secret.name} — ${statusWords(task)} — ${who}`;
}

/** One task in a calendar cell: a button that opens the drawer. Colour, icon and words. */
export function TaskChip({ task, onOpen, detailed = false }: { task: RotationTask; onOpen: (id: string) => void; detailed?: boolean }) {
  const look = LOOKS[lookOf(task)];
  const Icon = look.icon;
  return (
    <button
      type="button"
      data-task-chip={task.id}
      data-status={lookOf(task)}
      aria-label={taskLabel(task)}
      title={taskLabel(task)}
      onClick={() => onOpen(task.id)}
      className={`group flex w-full min-w-0 items-center rounded-md text-left text-[12px] ring-1 ring-inset transition ${detailed ? "gap-1.5 px-2 py-1 leading-4" : "gap-1 px-1.5 py-0.5 leading-5"} ${look.chip} ${task.gap ? "outline-1 outline-offset-[-1px] outline-red-500 outline-dashed" : ""}`}
    >
      <Icon className={`size-3 shrink-0 ${detailed ? "mt-1 self-start" : ""}`} aria-hidden />
      {detailed ? (
        <span className="min-w-0 flex-1 py-0.5">
          <span className="line-clamp-2 font-medium [overflow-wrap:anywhere]">
            <BreakableName name={task.secret.name} />
          </span>
          <span className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-[11px] opacity-80">
            <span>{statusWords(task)}</span>
            <span aria-hidden>·</span>
            <span>{[task.secret.tier === null ? "tier ?" : `T${task.secret.tier}`, task.secret.environment ?? "env ?"].join(" ")}</span>
          </span>
          <span className={`block truncate text-[11px] ${task.gap ? "font-semibold text-red-700" : "opacity-80"}`}>{task.gap ? "No owner (gap)" : (task.assignee?.name ?? "—")}</span>
        </span>
      ) : (
        <span className="min-w-0 flex-1 truncate font-medium">{shortName(task.secret.name)}</span>
      )}
      {task.gap && <UserX className="size-3 shrink-0 text-red-600" aria-hidden />}
    </button>
  );
}
