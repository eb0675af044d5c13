import Link from "next/link";
import { EnvironmentBadge, Flag, TierBadge } from "@/components/ui/badges";
import type { PersonDetail } from "@/lib/data/people/get-person";
import { label } from "@/lib/domain/format";

/** Every role a person holds, one row per secret, with who else could take it over. */
export function HoldingsTable({ holdings }: { holdings: PersonDetail["holdings"] }) {
  const bySecret = new Map<string, PersonDetail["holdings"]>();
  for (const h of holdings) bySecret.set(h.secretId, [...(bySecret.get(h.secretId) ?? []), h]);
  if (bySecret.size === 0) return <p className="px-5 py-8 text-center text-sm text-slate-500">Holds no ownership role.</p>;
  return (
    <table className="w-full text-sm" data-testid="holdings-table">
      <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2.5 font-medium">Secret</th>
          <th className="px-4 py-2.5 font-medium">Roles held</th>
          <th className="px-4 py-2.5 font-medium">Environment</th>
          <th className="px-4 py-2.5 font-medium">Tier</th>
          <th className="px-4 py-2.5 font-medium">Others on it</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {[...bySecret.values()].map((rows) => {
          const first = rows[0]!;
          return (
            <tr key={first.secretId}>
              <td className="px-4 py-2.5">
                <Link href={`/secrets/${first.secretId}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                  {first.secretName}
                </Link>
                <div className="text-xs text-slate-500">{first.sourceName}</div>
              </td>
              <td className="px-4 py-2.5">
                <span className="flex flex-wrap gap-1">
                  {rows.map((r) => (
                    <Flag key={r.role} tone="slate">
                      {label(r.role)}
                    </Flag>
                  ))}
                </span>
              </td>
              <td className="px-4 py-2.5">
                <EnvironmentBadge environment={first.environment} />
              </td>
              <td className="px-4 py-2.5">
                <TierBadge tier={first.tier} />
              </td>
              <td className="px-4 py-2.5">{first.otherHolders === 0 ? <Flag tone="red">nobody else</Flag> : <span className="text-slate-600">{first.otherHolders}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
