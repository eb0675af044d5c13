// The task state machine: open → acknowledged → done, or skipped with a reason. A task whose
// policy requires the approver's sign-off goes from a manual "done" to awaiting_approval, and
// to done when the approver (or an admin) approves. Pure: says where a task goes, or why not.
import type { TaskStatus } from "@/lib/domain/rotation/schedule";

export type TaskAction = "acknowledge" | "done" | "skip" | "approve";

const FROM: Record<TaskAction, readonly TaskStatus[]> = {
  acknowledge: ["open"],
  done: ["open", "acknowledged"],
  skip: ["open", "acknowledged"],
  approve: ["awaiting_approval"],
};

const DESCRIBED: Record<TaskStatus, string> = {
  open: "still open",
  acknowledged: "already acknowledged",
  awaiting_approval: "waiting for the approver's sign-off",
  done: "already done",
  skipped: "skipped",
};

const VERB: Record<TaskAction, string> = { acknowledge: "acknowledged", done: "marked done", skip: "skipped", approve: "approved" };

export type Transition = { ok: true; to: TaskStatus } | { ok: false; message: string };

export function transition(action: TaskAction, from: TaskStatus, requiresApproval: boolean): Transition {
  if (!FROM[action].includes(from)) {
    const hint = action === "approve" ? " Only a task marked done that needs sign-off can be approved." : "";
    return { ok: false, message: `This task is ${DESCRIBED[from]}, so it cannot be ${VERB[action]}.${hint}` };
  }
  if (action === "acknowledge") return { ok: true, to: "acknowledged" };
  if (action === "skip") return { ok: true, to: "skipped" };
  if (action === "done") return { ok: true, to: requiresApproval ? "awaiting_approval" : "done" };
  return { ok: true, to: "done" };
}
