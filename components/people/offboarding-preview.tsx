import Link from "next/link";
import { ArrowRight, UserMinus } from "lucide-react";
import type { PersonDetail } from "@/lib/data/people/get-person";

/**
 * What would need doing if this person left today — or, once offboarded, what is still left undone —
 * with the way in: the offboarding wizard (admins), or the ownership matrix for roles left behind.
 */
export function OffboardingPreview({ detail, canOffboard = false }: { detail: PersonDetail; canOffboard?: boolean }) {
  const { person, offboarding } = detail;
  const gone = person.status === "offboarded";
  const items: [number, string, boolean][] = [
    [offboarding.rolesToReassign, "ownership roles to reassign", offboarding.rolesToReassign > 0],
    [offboarding.secretsToRotate, "secrets to rotate because they held a role on them (plus any they read in the last 90 days)", offboarding.secretsToRotate > 0],
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
      {canOffboard && (
        <Link href={`/people/${person.id}/offboard`} className="mt-4 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
          Plan and run the offboarding <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      )}
      {gone && offboarding.rolesToReassign > 0 && (
        <Link href="/ownership?gaps=offboarded" className="mt-4 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
          Reassign them in the ownership matrix <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      )}
    </section>
  );
}
