import "server-only";
// Skipping a due rotation needs a real reason (validateReason: at least 10 letters or digits in two
// or more words) and records who skipped it and when; the next one falls due a full interval later.
// A task whose policy requires sign-off is skipped only by a second person — its approver, or an
// admin, never its assignee or operator (lib/domain/rotation/who-may-act.ts) — so a skip cannot
// close, unreviewed, a rotation a done would have had to have signed off.
import { type WorkArgs, workRotationTask } from "@/lib/data/rotation/work-rotation-task";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { validateReason } from "@/lib/domain/rotation/validate";

export function skipRotationTask(args: WorkArgs & { reason: string | undefined }): Promise<RotationTask> {
  const reason = args.reason?.trim();
  return workRotationTask({
    ...args,
    action: "skip",
    check: () => validateReason(reason, "reason", "A reason for skipping"),
    set: (_task, now) => ({ skippedReason: reason, skippedAt: now, skippedBy: args.actor.id }),
    detail: { reason },
  });
}
