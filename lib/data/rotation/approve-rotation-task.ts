import "server-only";
// The sign-off on a manual "done" of a task whose policy requires it (tier-1 production by
// default), by a second person: the secret's approver, or an admin — never whoever marked it done,
// nor the task's assignee or the secret's operator. When the approver is also the operator (or did
// it), the sign-off falls to an admin (lib/domain/rotation/sign-off.ts).
import { type WorkArgs, workRotationTask } from "@/lib/data/rotation/work-rotation-task";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

export function approveRotationTask(args: WorkArgs): Promise<RotationTask> {
  return workRotationTask({ ...args, action: "approve", set: (_task, now) => ({ approvedAt: now, approvedBy: args.actor.id }) });
}
