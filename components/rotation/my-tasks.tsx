"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MyTaskRow } from "@/components/rotation/my-task-row";
import { ORDER_WORDS } from "@/components/rotation/task-list-view";
import { fetchAllTasks } from "@/components/rotation/rotation-client";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { useTaskActions } from "@/components/rotation/use-task-actions";
import { useTaskParam } from "@/components/rotation/use-task-param";
import { DUE_SOON_DAYS, isDueWithin } from "@/lib/domain/calendar/due-window";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

const MINE = { assignee: "me", status: "open,acknowledged,awaiting_approval" };
const SIGN_OFF = { status: "awaiting_approval" };

type Group = { id: string; title: string; tasks: RotationTask[]; tone?: string };

/** By the summary's own rules (so "20 of them yours" above is the Overdue group here), each in risk order as the API sends them. */
function groupsOf(tasks: RotationTask[], now: Date): Group[] {
  const soon = (t: RotationTask) => isDueWithin({ status: t.status, dueAt: new Date(t.dueAt) }, now, DUE_SOON_DAYS);
  return [
    { id: "overdue", title: "Overdue", tone: "text-red-700", tasks: tasks.filter((t) => t.overdue) },
    { id: "soon", title: `Due in the next ${DUE_SOON_DAYS} days`, tasks: tasks.filter(soon) },
    { id: "later", title: "Later", tasks: tasks.filter((t) => !t.overdue && !soon(t)) },
  ];
}

/** The signed-in person's open tasks, and the rotations waiting for their sign-off. Acknowledge is one click. */
export function MyTasks({ me }: { me: { id: string; name: string } }) {
  const { open } = useTaskParam();
  const actions = useTaskActions(me);
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const mine = useQuery({ queryKey: rotationKeys.mine, queryFn: () => fetchAllTasks(MINE) });
  const signOff = useQuery({ queryKey: rotationKeys.group("sign-off", SIGN_OFF), queryFn: () => fetchAllTasks(SIGN_OFF, 500) });
  const tasks = mine.data?.items ?? [];
  // The sign-offs that fall to me: as the approver, or as an admin when the approver cannot (a conflict, none).
  const toSign = (signOff.data?.items ?? []).filter((t) => t.signOff && (t.signOff.by === "approver" ? t.signOff.signers[0]?.id === me.id : t.signOff.signers.some((s) => s.id === me.id)));
  const waiting = tasks.filter((t) => t.status === "open").length;

  const acknowledge = (id: string) => {
    setFailed(null);
    actions.acknowledge.mutate(id, { onError: (error) => setFailed({ id, message: error.message }) });
  };
  const row = (task: RotationTask) => <MyTaskRow key={task.id} task={task} onOpen={open} onAcknowledge={acknowledge} error={failed?.id === task.id ? failed.message : null} />;

  return (
    <div className="space-y-4" data-testid="my-tasks">
      <section className="card overflow-hidden" aria-labelledby="mine-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3">
          <h2 id="mine-title" className="text-sm font-semibold text-ink">
            Your open rotation tasks {mine.data && <span className="font-normal text-slate-500">({tasks.length}, assigned to you)</span>}
          </h2>
          <p className="text-xs text-slate-500" data-testid="task-order">{ORDER_WORDS.risk}</p>
          <p className="w-full text-xs text-slate-500">
            {waiting ? `${waiting} waiting for your acknowledgement — one click tells everyone you are on it.` : mine.data ? "All acknowledged. Mark each done once rotated." : ""}
          </p>
        </div>
        {mine.isPending ? (
          <p className="px-4 py-8 text-center text-sm text-slate-400">Loading your tasks…</p>
        ) : mine.isError ? (
          <p role="alert" className="px-4 py-8 text-center text-sm text-red-600">Could not load your tasks: {mine.error.message}</p>
        ) : tasks.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">No rotation is waiting on you. New tasks appear here ahead of their due date.</p>
        ) : (
          groupsOf(tasks, new Date())
            .filter((g) => g.tasks.length)
            .map((g) => (
              <div key={g.id} data-group={g.id}>
                <h3 className={`border-b border-slate-100 bg-slate-50/70 px-4 py-1.5 text-xs font-semibold tracking-wide uppercase ${g.tone ?? "text-slate-500"}`}>
                  {g.title} · {g.tasks.length}
                </h3>
                <ul className="divide-y divide-slate-100">{g.tasks.map(row)}</ul>
              </div>
            ))
        )}
      </section>
      {toSign.length > 0 && (
        <section className="card overflow-hidden" aria-labelledby="sign-off-title" data-testid="sign-off">
          <h2 id="sign-off-title" className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-ink">
            Waiting for your sign-off <span className="font-normal text-slate-500">({toSign.length})</span>
          </h2>
          <ul className="divide-y divide-slate-100">{toSign.map(row)}</ul>
        </section>
      )}
    </div>
  );
}
