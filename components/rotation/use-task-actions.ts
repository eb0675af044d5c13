"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { sendJson } from "@/components/rotation/rotation-client";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

type Me = { id: string; name: string };
type Snapshot = [QueryKey, unknown][];

/** Replaces one task wherever it sits in cached data: a page ({items}), pages ({pages}) or a task. */
export function patchTask(data: unknown, id: string, patch: (task: RotationTask) => RotationTask): unknown {
  if (!data || typeof data !== "object") return data;
  const d = data as { items?: RotationTask[]; pages?: unknown[]; id?: string };
  if (Array.isArray(d.items)) return d.items.some((t) => t.id === id) ? { ...d, items: d.items.map((t) => (t.id === id ? patch(t) : t)) } : data;
  if (Array.isArray(d.pages)) return { ...d, pages: d.pages.map((p) => patchTask(p, id, patch)) };
  if (d.id === id) return patch(data as RotationTask);
  return data;
}

/**
 * The four things one does to a task. Acknowledge is optimistic: the cache shows it acknowledged
 * at once (onMutate), goes back if the server refuses (onError), takes the server's task when it
 * answers, and every task view is refetched after (onSettled). Done, skip and approve need the
 * server's word (a note, a reason, a sign-off) and update when it answers.
 */
export function useTaskActions(me: Me) {
  const client = useQueryClient();
  const filters = (id: string): { queryKey: QueryKey }[] => [{ queryKey: rotationKeys.tasks }, { queryKey: rotationKeys.task(id) }];
  const write = (id: string, update: (task: RotationTask) => RotationTask) => {
    for (const f of filters(id)) client.setQueriesData(f, (data: unknown) => patchTask(data, id, update));
  };
  const settle = () =>
    Promise.all([client.invalidateQueries({ queryKey: rotationKeys.tasks }), client.invalidateQueries({ queryKey: ["rotation", "task"] }), client.invalidateQueries({ queryKey: rotationKeys.summary })]);
  const reconcile = (task: RotationTask) => write(task.id, (cached) => ({ ...cached, ...task }));

  const acknowledge = useMutation({
    mutationFn: (id: string) => sendJson<RotationTask>("POST", `/api/v1/rotation/tasks/${id}/acknowledge`),
    onMutate: async (id): Promise<{ snapshot: Snapshot }> => {
      await Promise.all(filters(id).map((f) => client.cancelQueries(f)));
      const snapshot = filters(id).flatMap((f) => client.getQueriesData(f));
      write(id, (task) => ({ ...task, status: "acknowledged", acknowledgedAt: new Date().toISOString(), acknowledgedBy: me }));
      return { snapshot };
    },
    onError: (_error, _id, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSuccess: reconcile,
    onSettled: settle,
  });
  const done = useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => sendJson<RotationTask>("POST", `/api/v1/rotation/tasks/${id}/done`, { note }),
    onSuccess: reconcile,
    onSettled: settle,
  });
  const skip = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => sendJson<RotationTask>("POST", `/api/v1/rotation/tasks/${id}/skip`, { reason }),
    onSuccess: reconcile,
    onSettled: settle,
  });
  const approve = useMutation({
    mutationFn: (id: string) => sendJson<RotationTask>("POST", `/api/v1/rotation/tasks/${id}/approve`),
    onSuccess: reconcile,
    onSettled: settle,
  });
  return { acknowledge, done, skip, approve };
}

/**
 * What the signed-in person may do to a task (the API decides again: lib/domain/rotation/who-may-act.ts).
 * The sign-off, and the skip of a task that needs one, belong to the second person the task names.
 */
export function allowedActions(task: RotationTask, me: { id: string; canWork: boolean; canManage: boolean }) {
  const works = me.canWork && (me.canManage || task.assignee?.id === me.id);
  const second = me.canWork && (task.signOff?.signers.some((s) => s.id === me.id) ?? false);
  const waiting = task.status === "open" || task.status === "acknowledged";
  return {
    acknowledge: works && task.status === "open",
    done: works && waiting,
    skip: (task.requiresApproval ? second : works) && waiting,
    approve: second && task.status === "awaiting_approval",
  };
}
