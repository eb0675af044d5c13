import "server-only";
// The approver's sign-off on a manual "done" of a task whose policy requires it (tier-1 production
// by default). The secret's approver or an admin signs off.
import { type WorkArgs, workRotationTask } from "@/lib/data/rotation/work-rotation-task";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

export function approveRotationTask(args: WorkArgs): Promise<RotationTask> {
  return workRotationTask({ ...args, action: "approve", set: (_task, now) => ({ approvedAt: now, approvedBy: args.actor.id }) });
}
