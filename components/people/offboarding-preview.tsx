import { UserMinus } from "lucide-react";
import type { PersonDetail } from "@/lib/data/people/get-person";

/** What would need doing if this person left today — or, once offboarded, what is still left undone. */
export function OffboardingPreview({ detail }: { detail: PersonDetail }) {
  const { person, offboarding } = detail;
  const gone = person.status === "offboarded";
  const items: [number, string, boolean][] = [
    [offboarding.rolesToReassign, "ownership roles to reassign", offboarding.rolesToReassign > 0],
    [offboarding.secretsToRotate, "secrets to rotate (they held a role on them)", offboarding.secretsToRotate > 0],
    [offboarding.tierOneSecrets, "of them tier 1", offboarding.tierOneSecrets > 0],
    [offboarding.soleHolder, "roles where nobody else on the secret could step in", offboarding.soleHolder > 0],
    [offboarding.copiesToRemove, "copies on their devices or accounts to remove", offboarding.copiesToRemove > 0],
  ];
  return (
    <section className={`card p-5 ${gone && offboarding.rolesToReassign ? "border-purple-300 bg-purple-50/40" : ""}`} aria-label="Offboarding preview">
      <h2 className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink">
        <UserMinus className="size-4 text-purple-600" aria-hidden />
        {gone ? "Offboarding left undone" : `If ${person.name.split(" ")[0]} left today`}
      </h2>
      <p className="mb-4 text-xs text-slate-500">
        {gone ? "This person is offboarded but still holds these. Each is a live gap until reassigned." : "An offboarding preview: nothing changes until an admin offboards them."}
      </p>
      <ul className="space-y-2">
        {items.map(([count, text, bad]) => (
          <li key={text} className="flex items-baseline gap-3 text-sm">
            <span className={`w-8 text-right text-lg font-semibold tabular-nums ${bad ? "text-red-600" : "text-slate-400"}`}>{count}</span>
            <span className="text-slate-700">{text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
