import { AlertTriangle, CalendarX, KeyRound, LogOut, UserCheck } from "lucide-react";
import type { ReactNode } from "react";
import type { OffboardingPlan } from "@/lib/data/people/get-offboarding-plan";

type Props = { plan: OffboardingPlan; reassigning: number; gaps: number };

/** Step 3: what will happen, in one list, before the one irreversible click. */
export function OffboardingConfirmStep({ plan, reassigning, gaps }: Props) {
  const first = plan.person.name.split(" ")[0];
  const newRotations = plan.rotations.filter((r) => !r.rotateNowOpen).length;
  const added = plan.rotations.length - newRotations;
  return (
    <ul className="space-y-3 px-5 py-5 text-sm text-slate-700" data-testid="offboarding-summary">
      <Item icon={<UserCheck className="size-4 text-emerald-600" aria-hidden />}>
        <b>{reassigning}</b> role{reassigning === 1 ? "" : "s"} go{reassigning === 1 ? "es" : ""} to a new holder.
      </Item>
      {gaps > 0 && (
        <Item icon={<AlertTriangle className="size-4 text-amber-600" aria-hidden />} tone="warn">
          <b>{gaps}</b> role{gaps === 1 ? " is" : "s are"} left empty on purpose: {gaps === 1 ? "a gap" : "gaps"} on the ownership matrix until someone is assigned.
        </Item>
      )}
      <Item icon={<KeyRound className="size-4 text-red-600" aria-hidden />}>
        <b>{plan.rotations.length}</b> secret{plan.rotations.length === 1 ? "" : "s"} to rotate now: {newRotations} new rotate-now task{newRotations === 1 ? "" : "s"}
        {added > 0 ? `, and the reason added to ${added} already open` : ""}, each due today.
      </Item>
      <Item icon={<CalendarX className="size-4 text-purple-600" aria-hidden />}>
        {plan.feedsToRevoke > 0 ? (
          <>
            <b>{plan.feedsToRevoke}</b> calendar feed{plan.feedsToRevoke === 1 ? "" : "s"} revoked.
          </>
        ) : (
          <>No calendar feed to revoke.</>
        )}
      </Item>
      <Item icon={<LogOut className="size-4 text-slate-600" aria-hidden />}>
        {first} is marked offboarded today: they can no longer sign in, and a session still open ends at their next request.
      </Item>
      <li className="pt-1 text-xs text-slate-500">All of it happens in one step: if anything is refused, nothing changes. Each change is recorded in the access log under your name.</li>
    </ul>
  );
}

function Item({ icon, children, tone }: { icon: ReactNode; children: ReactNode; tone?: "warn" }) {
  return (
    <li className={`flex items-start gap-2.5 ${tone === "warn" ? "rounded-lg bg-amber-50 px-2 py-1.5 text-amber-900" : ""}`}>
      <span className="mt-0.5 shrink-0">{icon}</span>
      <span>{children}</span>
    </li>
  );
}
