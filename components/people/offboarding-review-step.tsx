import { CalendarX, Info, ListTodo } from "lucide-react";
import { EnvironmentBadge, Flag, TierBadge } from "@/components/ui/badges";
import type { OffboardingPlan } from "@/lib/data/people/get-offboarding-plan";

/** Step 2: the rotate-now tasks that will open and why, the tasks that move, and the feeds that stop. */
export function OffboardingReviewStep({ plan }: { plan: OffboardingPlan }) {
  const first = plan.person.name.split(" ")[0];
  return (
    <div>
      {plan.rotations.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-slate-500">
          {first} held no role and read no secret in the last {plan.windowDays} days: no rotate-now task opens.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="offboarding-rotations">
          <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
            <tr>
              <th className="px-4 py-2.5 font-medium">Secret to rotate now</th>
              <th className="px-4 py-2.5 font-medium">Tier</th>
              <th className="px-4 py-2.5 font-medium">Environment</th>
              <th className="px-4 py-2.5 font-medium">Why</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.rotations.map((r) => (
              <tr key={r.secretId} data-rotation={r.secretName}>
                <td className="px-4 py-2.5">
                  <span className="font-medium text-ink">{r.secretName}</span>
                  <span className="block text-xs text-slate-500">{r.sourceName}</span>
                </td>
                <td className="px-4 py-2.5">
                  <TierBadge tier={r.tier} />
                </td>
                <td className="px-4 py-2.5">
                  <EnvironmentBadge environment={r.environment} />
                </td>
                <td className="px-4 py-2.5">
                  <span className="flex flex-wrap items-center gap-1">
                    {r.reasons.map((reason) => (
                      <Flag key={reason} tone={reason.startsWith("held") ? "slate" : "orange"}>
                        {reason}
                      </Flag>
                    ))}
                    {r.rotateNowOpen && <span className="text-xs text-slate-500">adds this reason to the rotate-now task already open</span>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ul className="space-y-3 border-t border-slate-100 px-5 py-4 text-sm text-slate-700">
        <li className="flex gap-2.5">
          <ListTodo className="mt-0.5 size-4 shrink-0 text-brand-600" aria-hidden />
          <span>
            Each task is <b>due today</b>, with a day&apos;s grace, and goes to the secret&apos;s operator (else its approver) as chosen in step 1 — a secret left with neither shows the task as a gap.
            {plan.tasksAssignedToThem > 0 && (
              <>
                {" "}
                The <b>{plan.tasksAssignedToThem}</b> open rotation task{plan.tasksAssignedToThem === 1 ? "" : "s"} assigned to {first} move{plan.tasksAssignedToThem === 1 ? "s" : ""} to the new operator the same way.
              </>
            )}
          </span>
        </li>
        <li className="flex gap-2.5" data-testid="offboarding-feeds">
          <CalendarX className="mt-0.5 size-4 shrink-0 text-purple-600" aria-hidden />
          <span>
            {plan.feedsToRevoke > 0 ? (
              <>
                <b>{plan.feedsToRevoke}</b> calendar feed URL{plan.feedsToRevoke === 1 ? "" : "s"} {first} could hold (their own, and any they made) will be revoked: calendars subscribed to {plan.feedsToRevoke === 1 ? "it" : "them"} stop updating at once.
              </>
            ) : (
              <>{first} has no active calendar feed; any made later for them is refused while they are offboarded.</>
            )}
          </span>
        </li>
        <li className="flex gap-2.5 text-slate-500">
          <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Reads and changes come from the audit logs of the last {plan.windowDays} days, matched to {first} by e-mail (<span className="font-mono text-xs">{plan.person.email}</span>, also as <span className="font-mono text-xs">oidc/{plan.person.email}</span> or an Identity Center session). Workload identities — IAM roles, service accounts, AppRoles — and IAM users under another name are not matched to people: check those yourself.
          </span>
        </li>
      </ul>
    </div>
  );
}
