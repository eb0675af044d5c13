import "server-only";
// A manual "done", with a note saying how it was rotated. When the policy requires the approver's
// sign-off the task waits in awaiting_approval; otherwise it is done. (A rotation the store shows
// is confirmed without anyone asking: confirm-rotations.ts.)
import { type WorkArgs, workRotationTask } from "@/lib/data/rotation/work-rotation-task";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { validateText } from "@/lib/domain/rotation/validate";

export function completeRotationTask(args: WorkArgs & { note: string | undefined }): Promise<RotationTask> {
  const note = args.note?.trim();
  return workRotationTask({
    ...args,
    action: "done",
    check: () => validateText(note, "note", "A note on how it was rotated"),
    set: (_task, now) => ({ completedAt: now, completedBy: args.actor.id, completion: "manual", note }),
    detail: { note },
  });
}
