import Link from "next/link";
import { Flag } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/role-badge";
import { requirePermission } from "@/lib/auth/page-guard";
import { listPeople } from "@/lib/data/people/list-people";

export const metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requirePermission("person:read");
  const people = await listPeople({ actor });
  return (
    <>
      <PageHeader title="People" description="Everyone in the registry and how many ownership roles each holds. Open a person to see what they hold and what offboarding them would leave behind." />
      <div className="card overflow-x-auto">
        <table className="w-full text-sm" data-testid="people-table">
          <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
            <tr>
              <th className="px-4 py-2.5 font-medium">Name</th>
              <th className="px-4 py-2.5 font-medium">Team</th>
              <th className="px-4 py-2.5 font-medium">Keyledger role</th>
              <th className="px-4 py-2.5 font-medium">Status</th>
              <th className="px-4 py-2.5 text-right font-medium">Ownership roles held</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50/60" data-person={p.email}>
                <td className="px-4 py-2.5">
                  <Link href={`/people/${p.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  <div className="text-xs text-slate-500">{p.title ?? p.email}</div>
                </td>
                <td className="px-4 py-2.5 text-slate-600">{p.team ?? "—"}</td>
                <td className="px-4 py-2.5">
                  <RoleBadge role={p.role} />
                </td>
                <td className="px-4 py-2.5">
                  {p.status === "offboarded" ? <Flag tone="purple">offboarded</Flag> : <Flag tone="green">active</Flag>}
                  {p.employment === "contractor" && <span className="ml-1.5 text-xs text-slate-500">contractor</span>}
                </td>
                <td className={`px-4 py-2.5 text-right tabular-nums ${p.status === "offboarded" && p.rolesHeld > 0 ? "font-semibold text-red-600" : "text-slate-700"}`}>{p.rolesHeld}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
