import { Flag } from "@/components/ui/badges";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

const SHORT = { approver_is_operator: "approver = operator", approver_did_it: "approver did it", approver_is_assignee: "approver does it" } as const;

/** On a list row: this task's approver cannot sign it off (a second person must), so an admin does. */
export function SignOffFlag({ task }: { task: Pick<RotationTask, "signOff"> }) {
  const conflict = task.signOff?.conflict;
  if (!conflict) return null;
  return (
    <span data-testid="sign-off-conflict" data-conflict={conflict}>
      <Flag tone="orange" title="The approver cannot sign off their own rotation: an admin signs off instead">
        {SHORT[conflict]} · admin signs off
      </Flag>
    </span>
  );
}
