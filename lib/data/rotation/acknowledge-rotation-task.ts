import "server-only";
// "I've got it": the assignee (or an admin) acknowledges an open task.
import { type WorkArgs, workRotationTask } from "@/lib/data/rotation/work-rotation-task";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

export function acknowledgeRotationTask(args: WorkArgs): Promise<RotationTask> {
  return workRotationTask({ ...args, action: "acknowledge", set: (_task, now) => ({ acknowledgedAt: now, acknowledgedBy: args.actor.id }) });
}
