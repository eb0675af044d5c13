"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { X } from "lucide-react";
import { TaskDetail, type TaskDetailData } from "@/components/rotation/task-detail";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { useTaskParam } from "@/components/rotation/use-task-param";
import { apiGet } from "@/lib/http/api-client";

export type Me = { id: string; name: string; canWork: boolean; canManage: boolean };

/**
 * The task side panel, open while the URL says `?task=<id>` (so links from e-mails and calendar
 * events land on it). A modal <dialog>: focus moves in, Tab stays in, Escape or the backdrop
 * closes it, and focus returns to what opened it.
 */
export function TaskDrawer({ me }: { me: Me }) {
  const { taskId, close } = useTaskParam();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<{ element: Element | null; id: string } | null>(null);
  const valid = taskId !== null && /^[0-9a-f-]{36}$/i.test(taskId);
  const task = useQuery({ queryKey: rotationKeys.task(taskId ?? ""), queryFn: () => apiGet<TaskDetailData>(`/api/v1/rotation/tasks/${taskId}`), enabled: valid });

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (taskId) {
      if (node.open) return;
      opener.current = { element: document.activeElement, id: taskId };
      node.showModal();
      node.querySelector<HTMLElement>("[data-drawer-focus]")?.focus();
      return;
    }
    if (node.open) node.close();
    const from = opener.current;
    if (!from) return;
    opener.current = null;
    const back =
      (from.element?.isConnected && from.element !== document.body ? from.element : null) ??
      document.querySelector(`[data-task-chip="${from.id}"], [data-task-open="${from.id}"]`) ??
      document.querySelector("main h1");
    (back as HTMLElement | null)?.focus();
  }, [taskId]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="task-drawer-title"
      data-testid="task-drawer"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      // The browser may close a modal dialog itself (a second Escape); the URL follows.
      onClose={() => {
        if (new URLSearchParams(window.location.search).has("task")) close();
      }}
      onClick={(e) => e.target === e.currentTarget && close()}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-[36rem] max-w-full overflow-y-auto border-l border-slate-200 bg-white p-0 text-slate-800 shadow-2xl backdrop:bg-slate-900/30"
    >
      {taskId && (
        <div className="min-h-full outline-none" tabIndex={-1} data-drawer-focus>
          <div className="sticky top-0 z-10 flex items-center justify-between border-b border-slate-100 bg-white/95 px-5 py-3 backdrop-blur">
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Rotation task</p>
            <button type="button" onClick={close} className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-ink" aria-label="Close (Escape)">
              <X className="size-5" aria-hidden />
            </button>
          </div>
          {!valid || task.isError ? (
            <div className="px-5 py-6">
              <h2 id="task-drawer-title" className="text-lg font-semibold text-ink">
                Task not found
              </h2>
              <p role="alert" className="mt-2 text-sm text-slate-600">
                {task.error?.message ?? "That link does not name a rotation task."} It may have been removed, or it is on a secret you hold no role on.
              </p>
            </div>
          ) : task.data ? (
            <TaskDetail key={task.data.id} task={task.data} me={me} />
          ) : (
            <div className="px-5 py-6">
              <h2 id="task-drawer-title" className="text-lg font-semibold text-slate-400">
                Loading task…
              </h2>
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
