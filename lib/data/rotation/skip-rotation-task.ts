import "server-only";
// Skipping a due rotation needs a reason; the next one falls due a full interval later.
import { type WorkArgs, workRotationTask } from "@/lib/data/rotation/work-rotation-task";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { validateText } from "@/lib/domain/rotation/validate";

export function skipRotationTask(args: WorkArgs & { reason: string | undefined }): Promise<RotationTask> {
  const reason = args.reason?.trim();
  return workRotationTask({
    ...args,
    action: "skip",
    check: () => validateText(reason, "reason", "A reason for skipping"),
    set: () => ({ skippedReason: reason }),
    detail: { reason },
  });
}
