"use client";

import { Fragment } from "react";
import { EnvironmentBadge, Flag, TierBadge } from "@/components/ui/badges";
import type { Candidate, OffboardingPlan, PlannedRole } from "@/lib/data/people/get-offboarding-plan";
import { label } from "@/lib/domain/format";

/** The select's value for "leave this role empty": explicit, never the default. */
export const GAP = "gap";
export const roleKey = (r: Pick<PlannedRole, "secretId" | "role">) => `${r.secretId}:${r.role}`;

type Props = {
  plan: OffboardingPlan;
  choices: Record<string, string>;
  errors: Record<string, string>;
  onChoose: (key: string, value: string) => void;
};

/** Step 1: one row per role they hold, a select per row with the suggestion preselected. */
export function OffboardingRolesStep({ plan, choices, errors, onChoose }: Props) {
  const first = plan.person.name.split(" ")[0];
  const groups = groupByTeam(plan.candidates.filter((c) => c.canWorkTasks), plan.person.team);
  const bySecret = new Map<string, PlannedRole[]>();
  for (const r of plan.roles) bySecret.set(r.secretId, [...(bySecret.get(r.secretId) ?? []), r]);
  if (!plan.roles.length) return <p className="px-5 py-8 text-center text-sm text-slate-500">{first} holds no ownership role: nothing to reassign.</p>;

  return (
    <table className="w-full text-sm" data-testid="offboarding-roles">
      <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2.5 font-medium">Secret</th>
          <th className="px-4 py-2.5 font-medium">Role</th>
          <th className="px-4 py-2.5 font-medium">New holder</th>
          <th className="px-4 py-2.5 font-medium">Why this suggestion</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {[...bySecret.values()].map((rows) => (
          <Fragment key={rows[0]!.secretId}>
            {rows.map((r, i) => {
              const key = roleKey(r);
              const value = choices[key] ?? "";
              const error = errors[key];
              const errorId = `offboarding-error-${key}`;
              return (
                <tr key={key} data-role-row={key} className={error ? "bg-red-50/60" : value === GAP ? "bg-amber-50/50" : ""}>
                  {i === 0 && (
                    <td className="px-4 py-3 align-top" rowSpan={rows.length}>
                      <span className="font-medium text-ink">{r.secretName}</span>
                      <span className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-500">
                        <TierBadge tier={r.tier} /> <EnvironmentBadge environment={r.environment} /> {r.sourceName}
                      </span>
                    </td>
                  )}
                  <td className="px-4 py-3 align-top text-slate-700">{label(r.role)}</td>
                  <td className="px-4 py-3 align-top">
                    <select
                      className={`field w-64 ${error ? "border-red-400" : ""}`}
                      aria-label={`New ${label(r.role).toLowerCase()} of ${r.secretName}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      value={value}
                      onChange={(e) => onChoose(key, e.target.value)}
                    >
                      <option value="">Choose who takes over…</option>
                      <option value={GAP}>Leave empty (a gap)</option>
                      {groups.map(([team, people]) => (
                        <optgroup key={team} label={team}>
                          {people.map((c) => (
                            <option key={c.id} value={c.id}>
                              {c.name}
                              {r.suggestion?.personId === c.id ? " (suggested)" : ""}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {value === GAP && !error && (
                      <span className="mt-1 block text-xs text-amber-800">
                        <Flag tone="orange">gap</Flag> Nobody will be {label(r.role).toLowerCase()}: it shows as a gap until someone is assigned.
                      </span>
                    )}
                    {error && (
                      <span id={errorId} className="mt-1 block text-xs text-red-700">
                        {error}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 align-top text-xs text-slate-500">{r.suggestion ? <>{r.suggestion.name}: {r.suggestion.why}</> : "No suggestion: nobody else on the secret or the team can work rotation tasks."}</td>
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** Their own team first, then the others by name; people without a team last. */
function groupByTeam(candidates: Candidate[], team: string | null): [string, Candidate[]][] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const name = c.team ? `${c.team} team` : "No team";
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  const own = team ? `${team} team` : null;
  return [...groups.entries()].sort(([a], [b]) => Number(b === own) - Number(a === own) || Number(a === "No team") - Number(b === "No team") || a.localeCompare(b));
}
