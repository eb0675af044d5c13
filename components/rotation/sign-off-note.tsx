import Link from "next/link";
import { Scale } from "lucide-react";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { conflictWords, namesOf } from "@/lib/domain/rotation/sign-off";

/**
 * In the drawer: why the secret's approver cannot sign this rotation off (a second person must),
 * and who does instead — the conflict stays in sight until the ownership matrix fixes it.
 */
export function SignOffNote({ task }: { task: RotationTask }) {
  const signOff = task.signOff;
  if (!signOff?.conflict || !task.approver) return null;
  const closed = task.status === "done" || task.status === "skipped";
  return (
    <div role="note" className="flex gap-2 rounded-xl border border-orange-300 bg-orange-50 px-4 py-3 text-sm text-orange-900" data-testid="task-conflict" data-conflict={signOff.conflict}>
      <Scale className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 space-y-1">
        <p>
          <strong>Separation of duties:</strong> {conflictWords(signOff.conflict, task.approver.name)}, so their sign-off would not be a second person&apos;s.
        </p>
        <p>
          {closed
            ? "Its sign-off fell to an admin instead."
            : signOff.signers.length
              ? `An admin signs off instead: ${namesOf(signOff.signers)}.`
              : "No admin is left who is not involved in it, so nobody can sign it off yet."}{" "}
          {signOff.conflict === "approver_is_operator" && (
            <Link href={`/ownership?q=${encodeURIComponent(task.secret.name)}`} className="font-medium underline">
              Give it a separate approver
            </Link>
          )}
        </p>
      </div>
    </div>
  );
}
